package org.ruralbank.samplebank.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.ruralbank.delivery.CheckValues;
import org.ruralbank.delivery.DeliveryFiles;
import org.ruralbank.delivery.DeliveryWriter;
import org.ruralbank.delivery.ReadyFlag;
import org.ruralbank.delivery.TableWriter;
import org.ruralbank.samplebank.GenerationRequest;
import org.ruralbank.samplebank.GenerationResult;
import org.ruralbank.samplebank.Inject;
import org.ruralbank.samplebank.InjectKind;
import org.ruralbank.samplebank.SampleBank;
import org.ruralbank.shared.Folders;

/** Runs a generation: loads or creates the bank, generates each date, applies injects, keeps the state. */
public final class Generator {

    private static final String STATE_FILE = "state.bin.gz";
    private static final String PROPERTIES = "bank.properties";
    private static final int SAVE_EVERY_DAYS = 30;

    private Generator() {}

    public static GenerationResult run(GenerationRequest req, Consumer<String> progress) throws IOException {
        Path out = req.out().toAbsolutePath();
        Files.createDirectories(out);
        Path stateDir = out.resolve(SampleBank.STATE_FOLDER);
        Path stateFile = stateDir.resolve(STATE_FILE);
        Bank bank;
        if (Files.exists(stateFile)) {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(stateDir.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
                p.load(in);
            }
            requireSame(p, "profile", req.profile().name());
            requireSame(p, "seed", Long.toString(req.seed()));
            requireSame(p, "volume", Double.toString(req.volume()));
            requireSame(p, "encoding", req.utf8() ? "UTF-8" : "GBK");
            bank = BankFile.load(stateFile);
            LocalDate next = LocalDate.ofEpochDay(bank.lastDay + 1);
            if (!req.start().equals(next)) {
                throw new IllegalArgumentException("the bank in " + out + " was generated up to "
                        + LocalDate.ofEpochDay(bank.lastDay) + ", so --start must be " + next + " to continue it"
                        + " (use --inject gap@DATE to skip a date)");
            }
        } else {
            Files.createDirectories(stateDir);
            bank = Bank.create(req.seed(), req.profile().banks(), req.volume(), req.utf8(), req.start());
        }
        Season season = new Season();
        List<LocalDate> dates = new ArrayList<>();
        long rows = 0;
        long bytes = 0;
        for (int i = 0; i < req.days(); i++) {
            LocalDate date = req.start().plusDays(i);
            Set<InjectKind> kinds = EnumSet.noneOf(InjectKind.class);
            for (Inject inject : req.injects()) {
                if (inject.date().equals(date)) {
                    kinds.add(inject.kind());
                }
            }
            long t0 = System.nanoTime();
            boolean gap = kinds.contains(InjectKind.GAP);
            Path inbox = gap ? stateDir.resolve("gap") : out;
            Path folder = inbox.resolve(DeliveryFiles.folder(date));
            if (Files.exists(folder)) {
                Folders.deleteTree(folder);
            }
            if (date.getDayOfYear() == 1 || date.toEpochDay() == bank.startDay) {
                TargetPlan.write(bank, date.getYear(), SampleBank.targetWorkbook(out, date.getYear()));
                FtpSampleCurve.write(req.seed(), date.getYear(), SampleBank.ftpCurve(out, date.getYear()));
            }
            DeliveryWriter writer = new DeliveryWriter(inbox, date);
            Day day = new Day(bank, date, season);
            day.run(writer, () -> {
                if (kinds.contains(InjectKind.CONTINUITY)) {
                    moveABalanceSilently(bank);
                }
            });
            writer.closeTables();
            for (TableWriter t : writer.tables()) {
                CheckValues v = t.checkValues();
                rows += v.rows();
                bytes += v.bytes();
            }
            int tables = writer.tables().size();
            int version = 1;
            Injector injector = new Injector(folder, date);
            if (kinds.contains(InjectKind.MD5)) {
                injector.wrongMd5("CORE_CARD");
            }
            if (kinds.contains(InjectKind.ROWCOUNT)) {
                injector.wrongRowCount("CORE_ORG");
            }
            if (kinds.contains(InjectKind.BADROW)) {
                injector.rewrite("CRED_LOAN", recs -> {
                    String[] r = recs.get(Math.min(1, recs.size() - 1));
                    r[6] = withThousands(r[6]);
                    return recs;
                });
            }
            if (kinds.contains(InjectKind.TOOLONG)) {
                injector.rewrite("CORE_ORG", recs -> {
                    String[] r = recs.get(1);
                    r[1] = r[1] + "（原" + r[1] + "，现" + r[1] + "）";
                    return recs;
                });
            }
            if (kinds.contains(InjectKind.DUPKEY)) {
                injector.rewrite("CORE_ORG", recs -> {
                    recs.add(2, recs.get(1).clone());
                    return recs;
                });
            }
            if (kinds.contains(InjectKind.MISSING_TABLE)) {
                injector.remove("EB_DEVICE");
                tables--;
            }
            if (kinds.contains(InjectKind.REDELIVER)) {
                version = 2;
                Path v1 = out.resolve(SampleBank.REDELIVER_FOLDER)
                        .resolve(DeliveryFiles.folder(date))
                        .resolve("v1");
                if (Files.exists(v1)) {
                    Folders.deleteTree(v1);
                }
                injector.copyTo(v1);
                Injector first = new Injector(v1, date);
                for (String table : List.of("ACQ_POS_TXN", "EB_DEVICE_TXN", "EB_TXN", "FIN_EXPENSE")) {
                    if (first.rows(table) > 0) {
                        first.rewrite(table, recs -> {
                            int keep = Math.max(0, recs.size() - Math.max(1, recs.size() / 5));
                            return new ArrayList<>(recs.subList(0, keep));
                        });
                        break;
                    }
                }
                DeliveryWriter.writeReady(v1, new ReadyFlag(1, tables));
            }
            if (!kinds.contains(InjectKind.NO_READY)) {
                DeliveryWriter.writeReady(folder, new ReadyFlag(version, tables));
            }
            if (gap) {
                Folders.deleteTree(inbox);
            }
            bank.lastDay = (int) date.toEpochDay();
            dates.add(date);
            if ((i + 1) % SAVE_EVERY_DAYS == 0) {
                save(bank, req, stateDir);
            }
            progress.accept(String.format(
                    Locale.ROOT,
                    "%s %s in %.1f s%s",
                    DeliveryFiles.folder(date),
                    gap ? "generated, folder withheld (gap)" : "written",
                    (System.nanoTime() - t0) / 1e9,
                    kinds.isEmpty()
                            ? ""
                            : " with " + kinds.stream().map(InjectKind::cliName).toList()));
        }
        save(bank, req, stateDir);
        return new GenerationResult(List.copyOf(dates), rows, bytes);
    }

    private static void save(Bank bank, GenerationRequest req, Path stateDir) throws IOException {
        BankFile.save(bank, stateDir.resolve(STATE_FILE));
        String props = "# the generated bank kept for continuation\n"
                + "profile=" + req.profile().name() + "\n"
                + "seed=" + req.seed() + "\n"
                + "volume=" + req.volume() + "\n"
                + "encoding=" + (req.utf8() ? "UTF-8" : "GBK") + "\n"
                + "first_date=" + DeliveryFiles.folder(LocalDate.ofEpochDay(bank.startDay)) + "\n"
                + "last_date=" + DeliveryFiles.folder(LocalDate.ofEpochDay(bank.lastDay)) + "\n";
        Files.writeString(stateDir.resolve(PROPERTIES), props, StandardCharsets.UTF_8);
    }

    private static void requireSame(Properties p, String key, String value) {
        String kept = p.getProperty(key);
        if (kept != null && !kept.equals(value)) {
            throw new IllegalArgumentException("the bank kept in this folder has " + key + "=" + kept
                    + ", the request has " + value + "; use another --out or the same options");
        }
    }

    /** Credits 100.00 to the first ordinary card account without a transaction: a balance that does not follow. */
    static void moveABalanceSilently(Bank bank) {
        for (int a = 0; a < bank.accounts(); a++) {
            if (bank.aKind.get(a) == Bank.K_CARD && bank.aStatus.get(a) == 'N') {
                bank.aBal.set(a, bank.aBal.get(a) + 10_000);
                return;
            }
        }
    }

    static String withThousands(String amount) {
        int dot = amount.indexOf('.');
        String units = dot < 0 ? amount : amount.substring(0, dot);
        String rest = dot < 0 ? "" : amount.substring(dot);
        if (units.length() <= 3) {
            return "1," + units + rest;
        }
        return units.substring(0, units.length() - 3) + "," + units.substring(units.length() - 3) + rest;
    }
}
