package org.ruralbank.samplebank;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.ruralbank.samplebank.internal.Generator;

/**
 * The deterministic generator of a sample county bank's T+1 deliveries. The same request and seed give
 * byte-identical files; a request whose start follows the last generated date continues the bank kept in
 * {@code out/.samplebank}.
 */
public final class SampleBank {

    /** The folder under the inbox that keeps the bank's state between runs. */
    public static final String STATE_FOLDER = ".samplebank";

    /** The folder under the inbox that keeps version 1 of redelivered dates: {@code .redeliver/YYYYMMDD/v1}. */
    public static final String REDELIVER_FOLDER = ".redeliver";

    /**
     * The year's target-decomposition workbook (任务分解表) the generator writes into the state folder when it
     * generates the year's first date (or the bank's first date), ready to upload on the targets page.
     */
    public static Path targetWorkbook(Path out, int year) {
        return out.resolve(STATE_FOLDER).resolve("targets-" + year + ".xlsx");
    }

    /**
     * The year's sample FTP curve (a plausible, invented one; {@code README.txt} beside it says so) the generator
     * writes into the state folder with the target workbook, in the format {@code ruralbank appraisal curve import}
     * reads.
     */
    public static Path ftpCurve(Path out, int year) {
        return out.resolve(STATE_FOLDER).resolve("ftp-curve-" + year + ".csv");
    }

    private SampleBank() {}

    /** Generates the requested dates; {@code progress} receives one line per date. */
    public static GenerationResult generate(GenerationRequest request, Consumer<String> progress) throws IOException {
        return Generator.run(request, progress);
    }
}
