package org.ruralbank.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ruralbank.samplebank.GenerationRequest;
import org.ruralbank.samplebank.GenerationResult;
import org.ruralbank.samplebank.Inject;
import org.ruralbank.samplebank.Profile;
import org.ruralbank.samplebank.SampleBank;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ruralbank generate}: writes a sample county bank's T+1 deliveries, one READY folder per date. */
@Command(
        name = "generate",
        description = {
            "Generates the provincial union's T+1 deliveries of a sample county bank.",
            "Same options and seed give byte-identical files; a --start right after the last generated date "
                    + "continues the bank kept in DIR."
        })
class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--profile",
            required = true,
            paramLabel = "PROFILE",
            description = "seed (the bank of the domain brief), small (1/100) or province (50 banks).")
    Profile profile;

    @Option(
            names = "--scale",
            defaultValue = "1",
            paramLabel = "F",
            description = "Multiplies population and volumes; ratios and averages stay (default 1).")
    double scale;

    @Option(names = "--start", required = true, paramLabel = "YYYY-MM-DD", description = "The first business date.")
    String start;

    @Option(names = "--days", defaultValue = "1", paramLabel = "N", description = "How many dates (default 1).")
    int days;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The inbox to write into.")
    Path out;

    @Option(
            names = "--seed",
            defaultValue = "20250101",
            paramLabel = "S",
            description = "Random seed (default 20250101).")
    long seed;

    @Option(names = "--utf8", description = "Write DELIMITED tables in UTF-8 instead of GBK.")
    boolean utf8;

    @Option(
            names = "--inject",
            paramLabel = "KIND@YYYYMMDD",
            description = {
                "Produce a broken or awkward delivery: md5, "
                        + "rowcount, badrow, toolong, dupkey, missing-table, no-ready, gap, redeliver, continuity. Repeatable."
            })
    List<String> injects = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        LocalDate first;
        List<Inject> parsed = new ArrayList<>();
        try {
            first = LocalDate.parse(start);
            for (String i : injects) {
                parsed.add(Inject.parse(i));
            }
        } catch (DateTimeParseException e) {
            err.println("generate: --start '" + start + "' is not a date YYYY-MM-DD");
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("generate: " + e.getMessage());
            return 2;
        }
        try {
            long t0 = System.nanoTime();
            GenerationRequest request = new GenerationRequest(profile, scale, first, days, out, seed, utf8, parsed);
            GenerationResult result = SampleBank.generate(request, outw::println);
            outw.printf(
                    Locale.ROOT,
                    "Generated %d dates of the %s bank into %s: %,d records, %,d bytes, %.1f s.%n",
                    result.dates().size(),
                    profile.name().toLowerCase(Locale.ROOT),
                    out,
                    result.rows(),
                    result.bytes(),
                    (System.nanoTime() - t0) / 1e9);
            result.dates().stream()
                    .map(LocalDate::getYear)
                    .distinct()
                    .map(y -> SampleBank.targetWorkbook(out, y))
                    .filter(java.nio.file.Files::exists)
                    .forEach(w -> outw.println("The year's targets (任务分解表), to upload on the targets page: " + w));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("generate: " + e.getMessage());
            return 2;
        }
    }
}
