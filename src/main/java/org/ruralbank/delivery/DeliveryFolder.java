package org.ruralbank.delivery;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One date folder of an inbox read against the delivery layout (spec sections 1 and 2): its READY, the tables it
 * holds, each table's metadata, check values and single data file, and the files that belong to no table. This is
 * the one implementation of the layout: {@code check-delivery} and {@code load} both read folders through it, so a
 * folder breaks the layout for both with the same words.
 */
public final class DeliveryFolder {

    /** Whether a table the interface does not define is part of the layout. */
    public enum NewTables {
        /** {@code check-delivery}: only the interface's tables; the files of any other table are strays. */
        REFUSED,
        /** {@code load}: a new table is read as its own metadata describes it, so it lands in ODS with no code change. */
        ACCEPTED
    }

    /** The date folders of an inbox by date, and the names in it that are not date folders (hidden names left out). */
    public record Inbox(SortedMap<LocalDate, Path> folders, List<String> strays) {}

    /**
     * One table of the folder.
     *
     * @param catalogue the interface's definition, or null for a table the interface does not define
     * @param meta the metadata when it is present, parses and agrees with the interface; else null
     * @param dataName the name of the table's one data file ({@code .dat} or {@code .dat.gz}); null when it has none or two
     * @param check the check values when the {@code .chk} is present and parses; else null
     * @param present whether any file of the table is in the folder
     * @param readable whether its records can be read: metadata valid, one data file, a {@code .chk} present
     * @param problems what is wrong with the table's files, in the order the layout is checked
     */
    public record Table(
            String name,
            @Nullable DeliveryTable catalogue,
            @Nullable TableMeta meta,
            @Nullable String dataName,
            @Nullable CheckValues check,
            boolean present,
            boolean readable,
            List<DeliveryProblem> problems) {}

    /**
     * The folder's tables (the interface's in its order, then new ones by name) and every layout problem.
     *
     * @param trailing the problems found after the tables: stray files and a READY whose table count is wrong
     */
    public record Layout(List<Table> tables, List<DeliveryProblem> trailing) {}

    private final Path path;
    private final LocalDate date;
    private final String name;
    private final boolean hasReady;
    private final @Nullable ReadyFlag ready;
    private final @Nullable DeliveryProblem readyProblem;

    private DeliveryFolder(
            Path path,
            LocalDate date,
            boolean hasReady,
            @Nullable ReadyFlag ready,
            @Nullable DeliveryProblem readyProblem) {
        this.path = path;
        this.date = date;
        this.name = DeliveryFiles.folder(date);
        this.hasReady = hasReady;
        this.ready = ready;
        this.readyProblem = readyProblem;
    }

    /** Lists the date folders of an inbox. */
    public static Inbox inbox(Path inbox) throws IOException {
        SortedMap<LocalDate, Path> folders = new TreeMap<>();
        List<String> strays = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(inbox)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                Optional<LocalDate> d = DeliveryFiles.dateOf(name);
                if (d.isPresent() && Files.isDirectory(p)) {
                    folders.put(d.get(), p);
                } else if (!name.startsWith(".")) {
                    strays.add(name);
                }
            }
        }
        strays.sort(null);
        return new Inbox(folders, strays);
    }

    /** Reads the folder's READY, when it has one; the rest is read by {@link #layout}. */
    public static DeliveryFolder at(Path path, LocalDate date) throws IOException {
        Path readyFile = path.resolve(ReadyFlag.FILE_NAME);
        if (!Files.exists(readyFile)) {
            return new DeliveryFolder(path, date, false, null, null);
        }
        try {
            return new DeliveryFolder(path, date, true, ReadyFlag.read(readyFile), null);
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return new DeliveryFolder(
                    path,
                    date,
                    true,
                    null,
                    DeliveryProblem.ofFile(
                            DeliveryFiles.folder(date) + "/" + ReadyFlag.FILE_NAME,
                            "is not valid (" + reason(e) + ")"));
        }
    }

    public Path path() {
        return path;
    }

    public LocalDate date() {
        return date;
    }

    /** {@code YYYYMMDD}, the start of every file name in problems. */
    public String name() {
        return name;
    }

    /** Whether READY is there: a folder without it is incomplete and must not be read. */
    public boolean hasReady() {
        return hasReady;
    }

    /** READY, when it is there and valid. */
    public Optional<ReadyFlag> ready() {
        return Optional.ofNullable(ready);
    }

    /** Why READY is not valid, when it is there but is not. */
    public Optional<DeliveryProblem> readyProblem() {
        return Optional.ofNullable(readyProblem);
    }

    /** READY's version, 0 when there is no valid READY. */
    public int version() {
        return ready == null ? 0 : ready.version();
    }

    /** Lists the folder and reads each table's metadata and check values against the interface. */
    public Layout layout(NewTables newTables) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(path)) {
            for (Path p : ds) {
                names.add(p.getFileName().toString());
            }
        }
        names.remove(ReadyFlag.FILE_NAME);
        List<Table> tables = new ArrayList<>();
        for (DeliveryTable t : DeliveryTables.all()) {
            tables.add(table(t.name(), t, names));
        }
        if (newTables == NewTables.ACCEPTED) {
            for (String table : newTableNames(names)) {
                tables.add(table(table, null, names));
            }
        }
        List<DeliveryProblem> trailing = new ArrayList<>();
        for (String stray : names) {
            trailing.add(DeliveryProblem.ofFile(name + "/" + stray, "is not a file of the delivery layout"));
        }
        long present = tables.stream().filter(Table::present).count();
        if (ready != null && ready.files() != present) {
            trailing.add(DeliveryProblem.ofFile(
                    name + "/" + ReadyFlag.FILE_NAME,
                    "files=" + ready.files() + " but the folder holds " + present + " tables"));
        }
        return new Layout(List.copyOf(tables), List.copyOf(trailing));
    }

    /** Every problem of the layout in order: READY, each table, then the trailing ones. */
    public List<DeliveryProblem> problems(Layout layout) {
        List<DeliveryProblem> all = new ArrayList<>();
        readyProblem().ifPresent(all::add);
        layout.tables().forEach(t -> all.addAll(t.problems()));
        all.addAll(layout.trailing());
        return all;
    }

    /** Names of tables the interface does not define whose files are in {@code names}, sorted. */
    private TreeSet<String> newTableNames(TreeSet<String> names) {
        String infix = "." + name + ".";
        TreeSet<String> found = new TreeSet<>();
        for (String n : names) {
            int at = n.indexOf(infix);
            if (at > 0 && DeliveryTables.find(n.substring(0, at)).isEmpty()) {
                found.add(n.substring(0, at));
            }
        }
        return found;
    }

    /** Takes the table's files out of {@code names} and checks them. */
    private Table table(String table, @Nullable DeliveryTable catalogue, TreeSet<String> names) throws IOException {
        String metaName = DeliveryFiles.meta(table, date);
        String plain = DeliveryFiles.data(table, date, false);
        String gz = DeliveryFiles.data(table, date, true);
        String chkName = DeliveryFiles.check(table, date);
        boolean hasMeta = names.remove(metaName);
        boolean hasPlain = names.remove(plain);
        boolean hasGz = names.remove(gz);
        boolean hasChk = names.remove(chkName);
        List<DeliveryProblem> problems = new ArrayList<>();
        if (!hasMeta && !hasPlain && !hasGz && !hasChk) {
            problems.add(DeliveryProblem.ofFile(name + "/" + table, "the table is missing from the folder"));
            return new Table(table, catalogue, null, null, null, false, false, problems);
        }
        if (!hasMeta) {
            problems.add(DeliveryProblem.ofFile(name + "/" + metaName, "the metadata file is missing"));
        }
        if (!hasChk) {
            problems.add(DeliveryProblem.ofFile(name + "/" + chkName, "the check file is missing"));
        }
        String dataName = hasPlain != hasGz ? (hasGz ? gz : plain) : null;
        if (hasPlain && hasGz) {
            problems.add(DeliveryProblem.ofFile(
                    name + "/" + gz,
                    "both " + plain + " and " + gz + " are present, but a table has exactly one data file"));
        } else if (dataName == null) {
            problems.add(DeliveryProblem.ofFile(name + "/" + plain, "the data file (.dat or .dat.gz) is missing"));
        }
        boolean filesComplete = problems.isEmpty();
        TableMeta meta = hasMeta ? meta(table, catalogue, name + "/" + metaName, problems) : null;
        boolean readable = filesComplete && meta != null;
        CheckValues check = null;
        if (readable) {
            try {
                check = CheckValues.read(path.resolve(chkName));
            } catch (IllegalArgumentException | CharacterCodingException e) {
                problems.add(DeliveryProblem.ofFile(name + "/" + chkName, "is not valid (" + reason(e) + ")"));
            }
        }
        return new Table(
                table, catalogue, readable ? meta : null, dataName, check, true, readable, List.copyOf(problems));
    }

    private @Nullable TableMeta meta(
            String table, @Nullable DeliveryTable catalogue, String file, List<DeliveryProblem> problems)
            throws IOException {
        TableMeta meta;
        try {
            meta = TableMeta.read(path.resolve(DeliveryFiles.meta(table, date)));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            problems.add(DeliveryProblem.ofFile(file, "is not valid metadata (" + reason(e) + ")"));
            return null;
        }
        List<DeliveryProblem> found =
                catalogue == null ? newTableProblems(meta, table, file) : interfaceProblems(meta, catalogue, file);
        problems.addAll(found);
        return found.isEmpty() ? meta : null;
    }

    /**
     * What is wrong with a table's metadata against the interface's definition of the table: table name, system,
     * business date, load mode, FIN's FIXED GBK layout, separator, record length and columns.
     */
    private List<DeliveryProblem> interfaceProblems(TableMeta meta, DeliveryTable table, String file) {
        List<DeliveryProblem> found = new ArrayList<>();
        tableName(meta, table.name(), file, found);
        if (!meta.system().equals(table.system())) {
            found.add(DeliveryProblem.ofFile(
                    file, "system=" + meta.system() + " but " + table.name() + " comes from " + table.system()));
        }
        businessDate(meta, file, found);
        if (meta.loadMode() != table.loadMode()) {
            found.add(DeliveryProblem.ofFile(
                    file,
                    "load_mode=" + meta.loadMode() + " but " + table.name() + " is delivered " + table.loadMode()));
        }
        if (table.system().equals("FIN")
                && (meta.format() != RecordFormat.FIXED || !meta.charset().equals(TableMeta.GBK))) {
            found.add(DeliveryProblem.ofFile(
                    file, "FIN tables are FIXED in GBK, this one is " + meta.format() + " in " + meta.encodingName()));
        }
        if (meta.format() == RecordFormat.DELIMITED && (meta.separator().length < 1 || meta.separator().length > 4)) {
            found.add(DeliveryProblem.ofFile(file, "the separator must be 1 to 4 bytes"));
        }
        recordLength(meta, file, found);
        List<ColumnMeta> expected = table.columns();
        List<ColumnMeta> actual = meta.columns();
        if (expected.size() != actual.size()) {
            found.add(DeliveryProblem.ofFile(
                    file, "declares " + actual.size() + " columns, " + table.name() + " has " + expected.size()));
            return found;
        }
        for (int i = 0; i < expected.size(); i++) {
            ColumnMeta e = expected.get(i);
            ColumnMeta a = actual.get(i);
            if (!e.name().equals(a.name())
                    || e.type() != a.type()
                    || e.length() != a.length()
                    || e.scale() != a.scale()
                    || e.key() != a.key()) {
                found.add(DeliveryProblem.ofFile(
                        file, "column " + (i + 1) + " is " + a.render() + " but the interface defines " + e.render()));
            }
            if (a.type() != ColumnType.DECIMAL && a.scale() != 0) {
                found.add(DeliveryProblem.ofFile(
                        file,
                        "column " + a.name() + " has SCALE " + a.scale() + " but only DECIMAL columns have a scale"));
            }
        }
        return found;
    }

    /** What is wrong with a new table's metadata: it must name the table and date, and give SQL-safe names. */
    private List<DeliveryProblem> newTableProblems(TableMeta meta, String table, String file) {
        List<DeliveryProblem> found = new ArrayList<>();
        tableName(meta, table, file, found);
        businessDate(meta, file, found);
        if (!table.matches("[A-Z][A-Z0-9_]{0,62}")) {
            found.add(DeliveryProblem.ofFile(
                    file, "the table name " + table + " is not upper-case letters, digits and _"));
        }
        for (ColumnMeta c : meta.columns()) {
            if (!c.name().matches("[A-Z][A-Z0-9_]{0,62}")) {
                found.add(DeliveryProblem.ofFile(
                        file, "the column name " + c.name() + " is not upper-case letters, digits and _"));
            }
        }
        recordLength(meta, file, found);
        return found;
    }

    private static void tableName(TableMeta meta, String table, String file, List<DeliveryProblem> found) {
        if (!meta.table().equals(table)) {
            found.add(DeliveryProblem.ofFile(file, "table=" + meta.table() + " differs from the file name's " + table));
        }
    }

    private void businessDate(TableMeta meta, String file, List<DeliveryProblem> found) {
        if (!meta.bizDate().equals(date)) {
            found.add(DeliveryProblem.ofFile(
                    file,
                    "biz_date=" + DeliveryFiles.folder(meta.bizDate()) + " differs from the folder's date " + name));
        }
    }

    private static void recordLength(TableMeta meta, String file, List<DeliveryProblem> found) {
        if (meta.format() == RecordFormat.FIXED && meta.recordLength() != meta.columnsWidth()) {
            found.add(DeliveryProblem.ofFile(
                    file,
                    "record_length=" + meta.recordLength() + " but the columns fill " + meta.columnsWidth()
                            + " bytes"));
        }
    }

    private static @Nullable String reason(Exception e) {
        return e instanceof CharacterCodingException ? "it is not UTF-8 text" : e.getMessage();
    }
}
