package org.ruralbank.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.ruralbank.shared.Money;

/**
 * Validates a date folder or a whole inbox against the delivery interface: the layout, READY, every metadata file
 * against the catalogue, check values, every record (field count, types, lengths, NOT NULL, key uniqueness), INCR
 * tables holding only T's rows, dates delivered every calendar day, and balance continuity of
 * {@code CORE_DEPOSIT_ACCT} / {@code CORE_DEPOSIT_TXN} across consecutive dates.
 */
public final class DeliveryCheck {

    /** At most this many record problems are listed per data file; the rest are counted. */
    public static final int MAX_PROBLEMS_PER_FILE = 50;

    private static final String ACCT = "CORE_DEPOSIT_ACCT";
    private static final String TXN = "CORE_DEPOSIT_TXN";

    /**
     * The outcome of a check.
     *
     * @param notes facts that are not problems, e.g. a redelivered date
     */
    public record Report(List<DeliveryProblem> problems, List<String> notes, int folders, long rows) {

        public boolean conforms() {
            return problems.isEmpty();
        }
    }

    private final List<DeliveryProblem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int folders;
    private long rows;

    private DeliveryCheck() {}

    /** Checks {@code path}: a date folder when its name is {@code YYYYMMDD}, otherwise an inbox of date folders. */
    public static Report check(Path path) throws IOException {
        DeliveryCheck check = new DeliveryCheck();
        Optional<LocalDate> date = DeliveryFiles.dateOf(
                path.getFileName() == null ? "" : path.getFileName().toString());
        if (!Files.isDirectory(path)) {
            check.problems.add(DeliveryProblem.ofFile(path.toString(), "is not a folder"));
        } else if (date.isPresent()) {
            check.folder(path, date.get(), null);
        } else {
            check.inbox(path);
        }
        return new Report(List.copyOf(check.problems), List.copyOf(check.notes), check.folders, check.rows);
    }

    private void inbox(Path inbox) throws IOException {
        DeliveryFolder.Inbox listed = DeliveryFolder.inbox(inbox);
        for (String stray : listed.strays()) {
            problems.add(DeliveryProblem.ofFile(stray, "is not a date folder YYYYMMDD of the inbox"));
        }
        if (listed.folders().isEmpty()) {
            problems.add(DeliveryProblem.ofFile(inbox.getFileName() + "", "the inbox holds no date folder"));
            return;
        }
        LocalDate previous = null;
        Map<String, Long> previousBalances = null;
        for (Map.Entry<LocalDate, Path> e : listed.folders().entrySet()) {
            LocalDate d = e.getKey();
            if (previous != null && !previous.plusDays(1).equals(d)) {
                for (LocalDate m = previous.plusDays(1); m.isBefore(d); m = m.plusDays(1)) {
                    problems.add(DeliveryProblem.ofFile(
                            DeliveryFiles.folder(m),
                            "the date folder is missing between "
                                    + DeliveryFiles.folder(previous) + " and " + DeliveryFiles.folder(d)
                                    + ", but dates must be delivered every calendar day"));
                }
                previousBalances = null;
            }
            previousBalances = folder(e.getValue(), d, previousBalances);
            previous = d;
        }
    }

    /** Checks one date folder; returns its account balances when they could be read whole, else null. */
    private @Nullable Map<String, Long> folder(Path path, LocalDate date, Map<String, Long> previousBalances)
            throws IOException {
        folders++;
        DeliveryFolder folder = DeliveryFolder.at(path, date);
        String f = folder.name();
        if (!folder.hasReady()) {
            problems.add(
                    DeliveryProblem.ofFile(f, "the folder has no READY, so it is incomplete and must not be read"));
            return null;
        }
        folder.ready()
                .filter(r -> r.version() > 1)
                .ifPresent(r -> notes.add(
                        f + ": redelivered as version " + r.version() + "; it replaces every row of earlier versions"));
        folder.readyProblem().ifPresent(problems::add);
        DeliveryFolder.Layout layout = folder.layout(DeliveryFolder.NewTables.REFUSED);
        boolean balancesWhole = true;
        Map<String, Long> balances = new HashMap<>();
        Map<String, Long> balanceLines = new HashMap<>();
        Map<String, Long> net = new HashMap<>();
        for (DeliveryFolder.Table table : layout.tables()) {
            problems.addAll(table.problems());
            boolean ok = table.readable()
                    && records(
                            path.resolve(table.dataName()),
                            f + "/" + table.dataName(),
                            table.meta(),
                            table.catalogue(),
                            table.check(),
                            date,
                            balances,
                            balanceLines,
                            net);
            if (!ok && (table.name().equals(ACCT) || table.name().equals(TXN))) {
                balancesWhole = false;
            }
        }
        problems.addAll(layout.trailing());
        if (!balancesWhole) {
            return null;
        }
        if (previousBalances != null) {
            continuity(f, date, previousBalances, balances, balanceLines, net);
        }
        return balances;
    }

    private boolean records(
            Path data,
            String file,
            TableMeta meta,
            DeliveryTable table,
            CheckValues chk,
            LocalDate date,
            Map<String, Long> balances,
            Map<String, Long> balanceLines,
            Map<String, Long> net)
            throws IOException {
        boolean gz = data.getFileName().toString().endsWith(".gz");
        MessageDigest md5 = CountingDigestOutputStream.md5();
        long[] size = new long[1];
        FieldValidator validator = new FieldValidator(meta, file, chk == null ? 0 : chk.rows());
        int[] shown = new int[1];
        long[] hidden = new long[1];
        boolean[] valid = {true};
        Consumer<DeliveryProblem> sink = p -> {
            valid[0] = false;
            if (shown[0] < MAX_PROBLEMS_PER_FILE) {
                problems.add(p);
                shown[0]++;
            } else {
                hidden[0]++;
            }
        };
        String dateValue = DeliveryFiles.folder(date);
        int dateIndex = table.dateColumn() == null ? -1 : meta.indexOf(table.dateColumn());
        boolean isAcct = table.name().equals(ACCT);
        boolean isTxn = table.name().equals(TXN);
        int acctNo = meta.indexOf("ACCT_NO");
        int balance = meta.indexOf(isAcct ? "BALANCE" : "AMOUNT");
        int dc = meta.indexOf("DC_FLAG");
        int[] codes = java.util.stream.IntStream.range(0, meta.columns().size())
                .filter(i -> meta.columns().get(i).type() == ColumnType.CHAR)
                .toArray();
        long count = 0;
        try (InputStream raw = new DigestingInputStream(Files.newInputStream(data), md5, size)) {
            InputStream in = raw;
            if (gz) {
                in = new GZIPInputStream(raw, 1 << 16);
            }
            try (RecordReader reader = new RecordReader(in, meta)) {
                while (reader.next()) {
                    count++;
                    if (!validator.check(reader, sink)) {
                        continue;
                    }
                    for (int c : codes) {
                        String problem = codeProblem(reader.get(c));
                        if (problem != null) {
                            sink.accept(DeliveryProblem.ofField(
                                    file, reader.line(), meta.columns().get(c).name(), problem));
                        }
                    }
                    if (dateIndex >= 0 && !reader.get(dateIndex).equals(dateValue)) {
                        sink.accept(DeliveryProblem.outsideBusinessDate(
                                file, reader.line(), table.dateColumn(), reader.get(dateIndex), dateValue));
                        continue;
                    }
                    if (isAcct) {
                        balances.put(reader.get(acctNo), Money.fenOfYuan(reader.get(balance)));
                        balanceLines.put(reader.get(acctNo), reader.line());
                    } else if (isTxn) {
                        long amount = Money.fenOfYuan(reader.get(balance));
                        net.merge(reader.get(acctNo), "D".equals(reader.get(dc)) ? -amount : amount, Long::sum);
                    }
                }
                byte[] drain = new byte[1 << 16];
                while (raw.read(drain) >= 0) {
                    // read to the end so that size and MD5 cover the whole file
                }
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add(DeliveryProblem.ofFile(file, "cannot be read (" + e.getMessage() + ")"));
            return false;
        }
        rows += count;
        if (hidden[0] > 0) {
            problems.add(DeliveryProblem.ofFile(file, hidden[0] + " more record problems are not listed"));
        }
        if (chk == null) {
            return false;
        }
        List<DeliveryProblem> mismatches = chk.mismatches(
                file.substring(0, file.indexOf(".dat")) + ".chk",
                count,
                size[0],
                HexFormat.of().formatHex(md5.digest()));
        problems.addAll(mismatches);
        return valid[0] && mismatches.isEmpty();
    }

    /** Code values (every CHAR column of the interface) are upper-case ASCII: no lower case, nothing beyond ASCII. */
    private static @Nullable String codeProblem(String v) {
        for (int i = 0, n = v.length(); i < n; i++) {
            char c = v.charAt(i);
            if (c >= 0x80 || (c >= 'a' && c <= 'z')) {
                return "the code value '" + v + "' is not upper-case ASCII";
            }
        }
        return null;
    }

    private void continuity(
            String f,
            LocalDate date,
            Map<String, Long> previous,
            Map<String, Long> balances,
            Map<String, Long> lines,
            Map<String, Long> net) {
        String acctFile = f + "/" + ACCT + "." + f + ".dat";
        String prevDate = DeliveryFiles.folder(date.minusDays(1));
        int shown = 0;
        long hidden = 0;
        List<String> accounts = new ArrayList<>(balances.keySet());
        accounts.sort(null);
        for (String acct : accounts) {
            long now = balances.get(acct);
            long before = previous.getOrDefault(acct, 0L);
            long moved = net.getOrDefault(acct, 0L);
            if (before + moved != now) {
                if (shown++ < MAX_PROBLEMS_PER_FILE) {
                    problems.add(DeliveryProblem.ofField(
                            acctFile,
                            lines.get(acct),
                            "BALANCE",
                            "account " + acct
                                    + " has balance " + Money.yuanText(now) + " but its balance "
                                    + Money.yuanText(before) + " of "
                                    + prevDate + " plus its net movement " + Money.yuanText(moved) + " in " + TXN
                                    + " gives "
                                    + Money.yuanText(before + moved)));
                } else {
                    hidden++;
                }
            }
        }
        List<String> orphans = new ArrayList<>();
        for (String acct : net.keySet()) {
            if (!balances.containsKey(acct)) {
                orphans.add(acct);
            }
        }
        orphans.sort(null);
        for (String acct : orphans) {
            if (shown++ < MAX_PROBLEMS_PER_FILE) {
                String txnFile = f + "/" + TXN;
                problems.add(new DeliveryProblem(
                        txnFile,
                        0,
                        "ACCT_NO",
                        txnFile + " field ACCT_NO: account " + acct + " has transactions but no row in " + ACCT + "."));
            } else {
                hidden++;
            }
        }
        if (hidden > 0) {
            problems.add(DeliveryProblem.ofFile(acctFile, hidden + " more balance continuity problems are not listed"));
        }
    }
}
