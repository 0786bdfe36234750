package org.ruralbank.delivery;

import org.ruralbank.shared.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

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

    private DeliveryCheck() {
    }

    /** Checks {@code path}: a date folder when its name is {@code YYYYMMDD}, otherwise an inbox of date folders. */
    public static Report check(Path path) throws IOException {
        DeliveryCheck check = new DeliveryCheck();
        Optional<LocalDate> date = DeliveryFiles.dateOf(path.getFileName() == null ? "" : path.getFileName().toString());
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
        TreeMap<LocalDate, Path> dates = new TreeMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(inbox)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                Optional<LocalDate> d = DeliveryFiles.dateOf(name);
                if (d.isPresent() && Files.isDirectory(p)) {
                    dates.put(d.get(), p);
                } else {
                    problems.add(DeliveryProblem.ofFile(name, "is not a date folder YYYYMMDD of the inbox"));
                }
            }
        }
        if (dates.isEmpty()) {
            problems.add(DeliveryProblem.ofFile(inbox.getFileName() + "", "the inbox holds no date folder"));
            return;
        }
        LocalDate previous = null;
        Map<String, Long> previousBalances = null;
        for (Map.Entry<LocalDate, Path> e : dates.entrySet()) {
            LocalDate d = e.getKey();
            if (previous != null && !previous.plusDays(1).equals(d)) {
                for (LocalDate m = previous.plusDays(1); m.isBefore(d); m = m.plusDays(1)) {
                    problems.add(DeliveryProblem.ofFile(DeliveryFiles.folder(m), "the date folder is missing between "
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
    private Map<String, Long> folder(Path folder, LocalDate date, Map<String, Long> previousBalances)
            throws IOException {
        folders++;
        String f = DeliveryFiles.folder(date);
        Path readyFile = folder.resolve(ReadyFlag.FILE_NAME);
        if (!Files.exists(readyFile)) {
            problems.add(DeliveryProblem.ofFile(f, "the folder has no READY, so it is incomplete and must not be read"));
            return null;
        }
        ReadyFlag ready = null;
        try {
            ready = ReadyFlag.read(readyFile);
            if (ready.version() > 1) {
                notes.add(f + ": redelivered as version " + ready.version()
                        + "; it replaces every row of earlier versions");
            }
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            problems.add(DeliveryProblem.ofFile(f + "/READY", "is not valid (" + reason(e) + ")"));
        }
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                names.add(p.getFileName().toString());
            }
        }
        names.remove(ReadyFlag.FILE_NAME);
        int present = 0;
        boolean balancesWhole = true;
        Map<String, Long> balances = new HashMap<>();
        Map<String, Long> balanceLines = new HashMap<>();
        Map<String, Long> net = new HashMap<>();
        for (DeliveryTable table : DeliveryTables.all()) {
            String metaName = DeliveryFiles.meta(table.name(), date);
            String plain = DeliveryFiles.data(table.name(), date, false);
            String gz = DeliveryFiles.data(table.name(), date, true);
            String chkName = DeliveryFiles.check(table.name(), date);
            boolean hasMeta = names.remove(metaName);
            boolean hasPlain = names.remove(plain);
            boolean hasGz = names.remove(gz);
            boolean hasChk = names.remove(chkName);
            if (!hasMeta && !hasPlain && !hasGz && !hasChk) {
                problems.add(DeliveryProblem.ofFile(f + "/" + table.name(), "the table is missing from the folder"));
                balancesWhole &= !table.name().equals(ACCT) && !table.name().equals(TXN);
                continue;
            }
            present++;
            boolean ok = true;
            if (!hasMeta) {
                problems.add(DeliveryProblem.ofFile(f + "/" + metaName, "the metadata file is missing"));
                ok = false;
            }
            if (!hasChk) {
                problems.add(DeliveryProblem.ofFile(f + "/" + chkName, "the check file is missing"));
                ok = false;
            }
            if (hasPlain && hasGz) {
                problems.add(DeliveryProblem.ofFile(f + "/" + gz, "both " + plain + " and " + gz
                        + " are present, but a table has exactly one data file"));
                ok = false;
            } else if (!hasPlain && !hasGz) {
                problems.add(DeliveryProblem.ofFile(f + "/" + plain, "the data file (.dat or .dat.gz) is missing"));
                ok = false;
            }
            TableMeta meta = hasMeta ? meta(folder, f, metaName, table, date) : null;
            if (meta == null) {
                ok = false;
            }
            if (ok) {
                String dataName = hasGz ? gz : plain;
                CheckValues chk = null;
                try {
                    chk = CheckValues.read(folder.resolve(chkName));
                } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
                    problems.add(DeliveryProblem.ofFile(f + "/" + chkName, "is not valid (" + reason(e) + ")"));
                }
                ok = records(folder.resolve(dataName), f + "/" + dataName, meta, table, chk, date, balances,
                        balanceLines, net);
            }
            if (!ok && (table.name().equals(ACCT) || table.name().equals(TXN))) {
                balancesWhole = false;
            }
        }
        for (String extra : names) {
            problems.add(DeliveryProblem.ofFile(f + "/" + extra, "is not a file of the delivery layout"));
        }
        if (ready != null && ready.files() != present) {
            problems.add(DeliveryProblem.ofFile(f + "/READY", "files=" + ready.files() + " but the folder holds "
                    + present + " tables"));
        }
        if (!balancesWhole) {
            return null;
        }
        if (previousBalances != null) {
            continuity(f, date, previousBalances, balances, balanceLines, net);
        }
        return balances;
    }

    private TableMeta meta(Path folder, String f, String metaName, DeliveryTable table, LocalDate date)
            throws IOException {
        String file = f + "/" + metaName;
        TableMeta meta;
        try {
            meta = TableMeta.read(folder.resolve(metaName));
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            problems.add(DeliveryProblem.ofFile(file, "is not valid metadata (" + reason(e) + ")"));
            return null;
        }
        List<DeliveryProblem> found = metaProblems(meta, table, date, file);
        problems.addAll(found);
        return found.isEmpty() ? meta : null;
    }

    /**
     * What is wrong with a table's metadata for date {@code date} against the catalogue's definition of the table:
     * table name, system, business date, load mode, FIN's FIXED GBK layout, separator, record length and columns.
     *
     * @param file the metadata file's name as problems should show it
     */
    public static List<DeliveryProblem> metaProblems(TableMeta meta, DeliveryTable table, LocalDate date,
            String file) {
        List<DeliveryProblem> found = new ArrayList<>();
        if (!meta.table().equals(table.name())) {
            found.add(DeliveryProblem.ofFile(file, "table=" + meta.table() + " differs from the file name's "
                    + table.name()));
        }
        if (!meta.system().equals(table.system())) {
            found.add(DeliveryProblem.ofFile(file, "system=" + meta.system() + " but " + table.name()
                    + " comes from " + table.system()));
        }
        if (!meta.bizDate().equals(date)) {
            found.add(DeliveryProblem.ofFile(file, "biz_date=" + DeliveryFiles.folder(meta.bizDate())
                    + " differs from the folder's date " + DeliveryFiles.folder(date)));
        }
        if (meta.loadMode() != table.loadMode()) {
            found.add(DeliveryProblem.ofFile(file, "load_mode=" + meta.loadMode() + " but " + table.name()
                    + " is delivered " + table.loadMode()));
        }
        if (table.system().equals("FIN") && (meta.format() != RecordFormat.FIXED
                || !meta.charset().equals(TableMeta.GBK))) {
            found.add(DeliveryProblem.ofFile(file, "FIN tables are FIXED in GBK, this one is " + meta.format() + " in "
                    + meta.encodingName()));
        }
        if (meta.format() == RecordFormat.DELIMITED && (meta.separator().length < 1 || meta.separator().length > 4)) {
            found.add(DeliveryProblem.ofFile(file, "the separator must be 1 to 4 bytes"));
        }
        if (meta.format() == RecordFormat.FIXED && meta.recordLength() != meta.columnsWidth()) {
            found.add(DeliveryProblem.ofFile(file, "record_length=" + meta.recordLength()
                    + " but the columns fill " + meta.columnsWidth() + " bytes"));
        }
        List<ColumnMeta> expected = table.columns();
        List<ColumnMeta> actual = meta.columns();
        if (expected.size() != actual.size()) {
            found.add(DeliveryProblem.ofFile(file, "declares " + actual.size() + " columns, " + table.name()
                    + " has " + expected.size()));
        } else {
            for (int i = 0; i < expected.size(); i++) {
                ColumnMeta e = expected.get(i);
                ColumnMeta a = actual.get(i);
                if (!e.name().equals(a.name()) || e.type() != a.type() || e.length() != a.length()
                        || e.scale() != a.scale() || e.key() != a.key()) {
                    found.add(DeliveryProblem.ofFile(file, "column " + (i + 1) + " is " + a.render()
                            + " but the interface defines " + e.render()));
                }
                if (a.type() != ColumnType.DECIMAL && a.scale() != 0) {
                    found.add(DeliveryProblem.ofFile(file, "column " + a.name() + " has SCALE " + a.scale()
                            + " but only DECIMAL columns have a scale"));
                }
            }
        }
        return found;
    }

    private boolean records(Path data, String file, TableMeta meta, DeliveryTable table, CheckValues chk,
            LocalDate date, Map<String, Long> balances, Map<String, Long> balanceLines, Map<String, Long> net)
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
                .filter(i -> meta.columns().get(i).type() == ColumnType.CHAR).toArray();
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
                            sink.accept(DeliveryProblem.ofField(file, reader.line(), meta.columns().get(c).name(),
                                    problem));
                        }
                    }
                    if (dateIndex >= 0 && !reader.get(dateIndex).equals(dateValue)) {
                        sink.accept(DeliveryProblem.ofField(file, reader.line(), table.dateColumn(), "the value "
                                + reader.get(dateIndex) + " is not the business date " + dateValue
                                + ", but an INCR table holds only the rows of T"));
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
        if (chk != null) {
            String chkFile = file.substring(0, file.indexOf(".dat")) + ".chk";
            if (chk.rows() != count) {
                problems.add(DeliveryProblem.ofFile(chkFile, "rows=" + chk.rows() + " but the data file holds "
                        + count + " records"));
                valid[0] = false;
            }
            if (chk.bytes() != size[0]) {
                problems.add(DeliveryProblem.ofFile(chkFile, "bytes=" + chk.bytes() + " but the data file is "
                        + size[0] + " bytes"));
                valid[0] = false;
            }
            String actual = HexFormat.of().formatHex(md5.digest());
            if (!chk.md5().equals(actual)) {
                problems.add(DeliveryProblem.ofFile(chkFile, "md5=" + chk.md5() + " but the data file's MD5 is "
                        + actual));
                valid[0] = false;
            }
        } else {
            valid[0] = false;
        }
        return valid[0];
    }

    private static String reason(Exception e) {
        return e instanceof java.nio.charset.CharacterCodingException ? "it is not UTF-8 text" : e.getMessage();
    }

    /** Code values (every CHAR column of the interface) are upper-case ASCII: no lower case, nothing beyond ASCII. */
    private static String codeProblem(String v) {
        for (int i = 0, n = v.length(); i < n; i++) {
            char c = v.charAt(i);
            if (c >= 0x80 || (c >= 'a' && c <= 'z')) {
                return "the code value '" + v + "' is not upper-case ASCII";
            }
        }
        return null;
    }

    private void continuity(String f, LocalDate date, Map<String, Long> previous, Map<String, Long> balances,
            Map<String, Long> lines, Map<String, Long> net) {
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
                    problems.add(DeliveryProblem.ofField(acctFile, lines.get(acct), "BALANCE", "account " + acct
                            + " has balance " + Money.yuanText(now) + " but its balance " + Money.yuanText(before) + " of "
                            + prevDate + " plus its net movement " + Money.yuanText(moved) + " in " + TXN + " gives "
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
                problems.add(new DeliveryProblem(txnFile, 0, "ACCT_NO", txnFile + " field ACCT_NO: account " + acct
                        + " has transactions but no row in " + ACCT + "."));
            } else {
                hidden++;
            }
        }
        if (hidden > 0) {
            problems.add(DeliveryProblem.ofFile(acctFile, hidden + " more balance continuity problems are not listed"));
        }
    }
}
