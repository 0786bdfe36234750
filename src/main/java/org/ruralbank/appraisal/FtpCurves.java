package org.ruralbank.appraisal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jspecify.annotations.Nullable;
import org.ruralbank.appraisal.internal.JdbcFtpCurves;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.warehouse.ReferenceData;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * FTP rate curves (内部资金转移定价曲线): one per date, terms O/N to 5Y, each an annual rate as a decimal fraction.
 *
 * <p>Guarantees: a curve is complete (all eight terms, rates in [0, 1) with at most six decimals) or not saved; a
 * file is imported whole or not at all, every problem named by line and field; a date has at most one curve, by
 * primary key, and a curve is never edited; a curve entered on the page is applied only when a second person approves
 * it (at most one open proposal per date, by unique index). Every change is audited.
 */
@Service
public class FtpCurves implements ReferenceData {

    /** The terms of a curve and their days in the 360-day year. */
    public static final Map<String, Integer> TERMS = termDays();

    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcFtpCurves store;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    FtpCurves(JdbcFtpCurves store, AuditLog audit, Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** A curve: its date and its rate per term, in term order. */
    public record Curve(
            LocalDate curveDate, Map<String, BigDecimal> rates, String source, String maker, String checker) {}

    /** A curve proposed on the page, waiting for a second person. */
    public record Proposal(
            long proposalId,
            LocalDate curveDate,
            Map<String, BigDecimal> rates,
            String status,
            String maker,
            OffsetDateTime madeAt,
            @Nullable String checker) {}

    /**
     * A problem of a curve or a file: line (0 when none), field, and what is wrong as a message code
     * ({@code i18n/credit*.properties}) with its arguments.
     */
    public record Problem(int line, String field, String code, List<Object> args) {
        public Problem(int line, String field, String code, Object... args) {
            this(line, field, code, List.of(args));
        }

        /** Where the problem is: {@code line N field F}, or {@code field F}. */
        public String where() {
            return (line > 0 ? "line " + line + " " : "") + "field " + field;
        }
    }

    /** The outcome of an import or a proposal. */
    public sealed interface Outcome {
        record Saved(List<LocalDate> dates, @Nullable Long proposalId) implements Outcome {}

        record Refused(List<Problem> problems) implements Outcome {}
    }

    private static Map<String, Integer> termDays() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("O/N", 1);
        m.put("1M", 30);
        m.put("3M", 90);
        m.put("6M", 180);
        m.put("1Y", 360);
        m.put("2Y", 720);
        m.put("3Y", 1080);
        m.put("5Y", 1800);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Every curve, newest first. */
    public List<Curve> curves() {
        return store.curves().stream()
                .map(c -> new Curve(c.curveDate(), ordered(c.rates()), c.source(), c.maker(), c.checker()))
                .toList();
    }

    /** The curve in force on {@code date}: the latest dated on or before it. */
    public Optional<Curve> inForce(LocalDate date) {
        return curves().stream().filter(c -> !c.curveDate().isAfter(date)).findFirst();
    }

    /**
     * Imports a file (Excel {@code .xlsx}/{@code .xls} by its name, else CSV in UTF-8) of {@code date,term,rate} rows as
     * applied curves, whole or not at all.
     */
    public Outcome importFile(String fileName, InputStream in, String actor) throws IOException {
        List<String[]> rows = fileName.toLowerCase().matches(".*\\.xlsx?$") ? excelRows(in) : csvRows(in);
        Map<LocalDate, Map<String, BigDecimal>> curves = new TreeMap<>();
        List<Problem> problems = parse(rows, curves);
        if (!problems.isEmpty()) {
            return new Outcome.Refused(problems);
        }
        try {
            tx.executeWithoutResult(s -> curves.forEach((d, r) -> apply(d, r, "IMPORTED", actor, actor)));
        } catch (DuplicateKeyException e) {
            return new Outcome.Refused(List.of(new Problem(0, "date", "ftp.problem.savedMeanwhile")));
        }
        for (Map.Entry<LocalDate, Map<String, BigDecimal>> c : curves.entrySet()) {
            audit.recordAs(
                    actor,
                    "/",
                    "appraisal.curve.import",
                    AuditLog.Outcome.OK,
                    "ftp_curve",
                    c.getKey().toString(),
                    Map.of(),
                    Map.of("file", fileName, "rates", c.getValue().toString()));
        }
        return new Outcome.Saved(List.copyOf(curves.keySet()), null);
    }

    /** Proposes a curve entered on the page; a second person approves it. */
    public Outcome propose(@Nullable LocalDate date, Map<String, String> rates, StaffPrincipal maker) {
        List<Problem> problems = new ArrayList<>();
        if (date == null) {
            problems.add(new Problem(0, "curveDate", "ftp.problem.noDate"));
        }
        Map<String, BigDecimal> parsed = new LinkedHashMap<>();
        for (String term : TERMS.keySet()) {
            String raw = rates.getOrDefault(term, "").strip();
            rate(raw)
                    .ifPresentOrElse(
                            r -> parsed.put(term, r),
                            () -> problems.add(
                                    raw.isEmpty()
                                            ? new Problem(0, term, "ftp.problem.missingRate")
                                            : rateProblem(0, term, raw)));
        }
        if (date != null && store.exists(date)) {
            problems.add(new Problem(0, "curveDate", "ftp.problem.exists", date));
        }
        if (!problems.isEmpty()) {
            return new Outcome.Refused(problems);
        }
        long id;
        try {
            id = store.propose(date, parsed, maker.username(), now());
        } catch (DuplicateKeyException e) {
            return new Outcome.Refused(List.of(new Problem(0, "curveDate", "ftp.problem.pending", date)));
        }
        audit.record(
                "appraisal.curve.propose",
                "ftp_curve_proposal",
                Long.toString(id),
                Map.of(),
                Map.of("date", date, "rates", JdbcFtpCurves.ratesText(parsed)));
        return new Outcome.Saved(List.of(date), id);
    }

    /** Approves (applies) or rejects a proposal; the maker cannot decide their own. */
    public Outcome decide(long proposalId, boolean approve, StaffPrincipal checker) {
        Optional<Proposal> found =
                proposals().stream().filter(p -> p.proposalId() == proposalId).findFirst();
        if (found.isEmpty() || !found.get().status().equals("PENDING")) {
            return new Outcome.Refused(List.of(new Problem(0, "proposal", "ftp.problem.noProposal", proposalId)));
        }
        Proposal p = found.get();
        if (p.maker().equals(checker.username())) {
            return new Outcome.Refused(List.of(new Problem(0, "proposal", "ftp.problem.ownCurve")));
        }
        try {
            tx.executeWithoutResult(s -> {
                int changed = store.decide(proposalId, approve, checker.username(), now());
                if (changed != 1) {
                    throw new IllegalStateException("decided meanwhile");
                }
                if (approve) {
                    apply(p.curveDate(), p.rates(), "ENTERED", p.maker(), checker.username());
                }
            });
        } catch (DuplicateKeyException | IllegalStateException e) {
            return new Outcome.Refused(List.of(new Problem(0, "proposal", "ftp.problem.decided", p.curveDate())));
        }
        audit.record(
                approve ? "appraisal.curve.approve" : "appraisal.curve.reject",
                "ftp_curve_proposal",
                Long.toString(proposalId),
                Map.of("status", "PENDING"),
                Map.of("status", approve ? "APPROVED" : "REJECTED"));
        return new Outcome.Saved(List.of(p.curveDate()), proposalId);
    }

    /** Proposals, newest first. */
    public List<Proposal> proposals() {
        return store.proposals();
    }

    @Override
    public String table() {
        return "ref.ftp_curve";
    }

    @Override
    public List<List<Object>> rows() {
        return store.points();
    }

    /**
     * Reads {@code date,term,rate} rows (the first row is the header) into curves by date; the problems, each with
     * its line and field, are empty when every date is a complete, new curve.
     */
    List<Problem> parse(List<String[]> rows, Map<LocalDate, Map<String, BigDecimal>> curves) {
        List<Problem> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            return List.of(new Problem(1, "header", "ftp.problem.empty"));
        }
        String[] header = rows.get(0);
        if (header.length < 3
                || !header[0].strip().replace("\uFEFF", "").equalsIgnoreCase("date")
                || !header[1].strip().equalsIgnoreCase("term")
                || !header[2].strip().equalsIgnoreCase("rate")) {
            return List.of(new Problem(1, "header", "ftp.problem.header", String.join(",", header)));
        }
        Map<LocalDate, Map<String, Integer>> seenAt = new TreeMap<>();
        for (int i = 1; i < rows.size(); i++) {
            String[] r = rows.get(i);
            int line = i + 1;
            if (r.length == 0 || (r.length == 1 && r[0].isBlank())) {
                continue;
            }
            if (r.length != 3) {
                problems.add(new Problem(line, "row", "ftp.problem.fields", r.length));
                continue;
            }
            LocalDate date = date(r[0].strip());
            String term = r[1].strip().toUpperCase();
            Optional<BigDecimal> rate = rate(r[2].strip());
            if (date == null) {
                problems.add(new Problem(line, "date", "ftp.problem.date", r[0].strip()));
            }
            if (!TERMS.containsKey(term)) {
                problems.add(new Problem(
                        line,
                        "term",
                        r[1].strip().startsWith("-") ? "ftp.problem.negativeTerm" : "ftp.problem.term",
                        r[1].strip()));
            }
            if (rate.isEmpty()) {
                problems.add(rateProblem(line, "rate", r[2].strip()));
            }
            if (date == null || !TERMS.containsKey(term) || rate.isEmpty()) {
                continue;
            }
            Integer earlier =
                    seenAt.computeIfAbsent(date, d -> new LinkedHashMap<>()).putIfAbsent(term, line);
            if (earlier != null) {
                problems.add(new Problem(line, "term", "ftp.problem.repeated", term, date, earlier));
                continue;
            }
            curves.computeIfAbsent(date, d -> new LinkedHashMap<>()).put(term, rate.get());
        }
        for (Map.Entry<LocalDate, Map<String, Integer>> e : seenAt.entrySet()) {
            List<String> missing = TERMS.keySet().stream()
                    .filter(t -> !e.getValue().containsKey(t))
                    .toList();
            if (!missing.isEmpty()) {
                int first = e.getValue().values().stream().min(Integer::compare).orElse(0);
                problems.add(new Problem(first, "term", "ftp.problem.gap", e.getKey(), String.join(",", missing)));
            }
            if (store.exists(e.getKey())) {
                problems.add(new Problem(
                        e.getValue().values().stream().min(Integer::compare).orElse(0),
                        "date",
                        "ftp.problem.exists",
                        e.getKey()));
            }
        }
        if (problems.isEmpty() && curves.isEmpty()) {
            problems.add(new Problem(2, "row", "ftp.problem.noCurve"));
        }
        problems.sort(java.util.Comparator.comparingInt(Problem::line));
        return problems;
    }

    private void apply(LocalDate date, Map<String, BigDecimal> rates, String source, String maker, String checker) {
        store.apply(date, rates, source, maker, checker, now());
    }

    private static Map<String, BigDecimal> ordered(Map<String, BigDecimal> rates) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        TERMS.keySet().forEach(t -> {
            if (rates.containsKey(t)) {
                m.put(t, rates.get(t));
            }
        });
        return m;
    }

    static @Nullable LocalDate date(String s) {
        try {
            return s.length() == 8 ? LocalDate.parse(s, YMD) : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Optional<BigDecimal> rate(String s) {
        if (!s.matches("[0-9]*\\.?[0-9]+")) {
            return Optional.empty();
        }
        BigDecimal r = new BigDecimal(s);
        if (r.compareTo(BigDecimal.ONE) >= 0 || r.stripTrailingZeros().scale() > 6) {
            return Optional.empty();
        }
        return Optional.of(r.setScale(6));
    }

    private static Problem rateProblem(int line, String field, String s) {
        if (s.isEmpty()) {
            return new Problem(line, field, "ftp.problem.missingRate");
        }
        return new Problem(line, field, s.startsWith("-") ? "ftp.problem.negativeRate" : "ftp.problem.rate", s);
    }

    private static List<String[]> csvRows(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            rows.add(line.split(",", -1));
        }
        while (!rows.isEmpty() && rows.get(rows.size() - 1).length == 1 && rows.get(rows.size() - 1)[0].isBlank()) {
            rows.remove(rows.size() - 1);
        }
        return rows;
    }

    private static List<String[]> excelRows(InputStream in) throws IOException {
        List<String[]> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            for (int i = 0; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                if (row == null) {
                    rows.add(new String[] {""});
                    continue;
                }
                int last = Math.max(0, row.getLastCellNum());
                String[] cells = new String[last];
                for (int c = 0; c < last; c++) {
                    Cell cell = row.getCell(c);
                    if (cell == null) {
                        cells[c] = "";
                    } else if (c == 0 && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                        cells[c] =
                                cell.getLocalDateTimeCellValue().toLocalDate().toString();
                    } else if (cell.getCellType() == CellType.NUMERIC) {
                        cells[c] = new BigDecimal(Double.toString(cell.getNumericCellValue()))
                                .stripTrailingZeros()
                                .toPlainString();
                    } else {
                        cells[c] = format.formatCellValue(cell);
                    }
                }
                rows.add(cells);
            }
        } catch (org.apache.poi.EmptyFileException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw new IOException("not an Excel workbook: " + e.getMessage(), e);
        }
        return rows;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
