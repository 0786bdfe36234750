package org.ruralbank.warehouse.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Spreadsheets;
import org.ruralbank.platform.web.Exports;
import org.ruralbank.platform.web.Texts;
import org.ruralbank.warehouse.ConsoleAudit;
import org.ruralbank.warehouse.Model;
import org.ruralbank.warehouse.QueryRefused;
import org.ruralbank.warehouse.QueryResult;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** The warehouse pages: model catalogue and lineage, the org overview mart, and the read-only SQL console. */
@Controller
@RequestMapping("/warehouse")
@PreAuthorize("hasAnyRole('EBANK','ADMIN')")
class WarehouseController {

    /** The console returns at most this many rows to the page, and this many to an export. */
    static final int PAGE_ROWS = 500;

    static final int EXPORT_ROWS = 100_000;

    private final Warehouse warehouse;
    private final AuditLog audit;
    private final Texts texts;

    private final Exports exports;

    WarehouseController(Warehouse warehouse, AuditLog audit, Texts texts, Exports exports) {
        this.exports = exports;
        this.warehouse = warehouse;
        this.audit = audit;
        this.texts = texts;
    }

    @GetMapping("/models")
    String models(org.springframework.ui.Model model) {
        model.addAttribute("models", warehouse.models().all());
        model.addAttribute(
                "crossTests",
                warehouse.models().tests().stream()
                        .filter(t -> t.model().isEmpty()
                                || warehouse
                                        .models()
                                        .find(t.model())
                                        .map(m -> !m.tests().contains(t))
                                        .orElse(true))
                        .toList());
        return "warehouse/models";
    }

    @GetMapping("/models/{name}")
    String model(@PathVariable String name, org.springframework.ui.Model model) {
        Model m = warehouse.models().find(name).orElseThrow(() -> new NotFound("model", name));
        Map<String, String> declared = new LinkedHashMap<>();
        m.columns().forEach(c -> declared.put(c.name(), c.description()));
        List<String[]> columns = new ArrayList<>();
        List<String> actual = warehouse.exists()
                ? warehouse
                        .engine()
                        .columns(m.layer(), m.name().substring(m.name().indexOf('.') + 1))
                : List.of();
        for (String c : actual) {
            columns.add(new String[] {c, declared.getOrDefault(c, "")});
        }
        declared.forEach((c, d) -> {
            if (!actual.contains(c)) {
                columns.add(new String[] {c, d});
            }
        });
        model.addAttribute("m", m);
        model.addAttribute("columns", columns);
        model.addAttribute(
                "tests",
                warehouse.models().tests().stream()
                        .filter(t -> t.model().equals(name))
                        .toList());
        model.addAttribute(
                "usedBy",
                warehouse.models().all().stream()
                        .filter(x -> x.dependencies().contains(name))
                        .map(Model::name)
                        .toList());
        return "warehouse/model";
    }

    /** Nodes (sources and models, with their layer) and edges (reads) of the lineage graph. */
    @GetMapping(value = "/lineage", produces = "application/json")
    @ResponseBody
    Map<String, Object> lineage() {
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> edges = new ArrayList<>();
        java.util.Set<String> sources = new java.util.TreeSet<>();
        for (Model m : warehouse.models().all()) {
            sources.addAll(m.sources());
        }
        for (String s : sources) {
            nodes.add(Map.of("name", s, "layer", "ods", "description", ""));
        }
        for (Model m : warehouse.models().all()) {
            nodes.add(Map.of("name", m.name(), "layer", m.layer(), "description", m.description()));
            for (String s : m.sources()) {
                edges.add(Map.of("source", s, "target", m.name()));
            }
            for (String d : m.dependencies()) {
                edges.add(Map.of("source", d, "target", m.name()));
            }
        }
        return Map.of("nodes", nodes, "edges", edges);
    }

    /** The org overview mart for a date, within the user's scope. */
    @GetMapping("/orgs")
    String orgs(
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyyMMdd") LocalDate date,
            org.springframework.ui.Model model) {
        OrgScope scope = CurrentStaff.get().scope();
        QueryResult rows = new QueryResult(List.of(), List.of(), false);
        LocalDate shown = date;
        if (warehouse.exists()
                && !warehouse.engine().columns("mart", "org_daily").isEmpty()) {
            if (shown == null) {
                Object max = warehouse
                        .engine()
                        .query("select max(biz_date) from mart.org_daily", 1)
                        .rows()
                        .get(0)
                        .get(0);
                shown = max == null ? null : (LocalDate) max;
            }
            if (shown != null) {
                OrgScope.Condition c = scope.where("org_path", null);
                Map<String, Object> params = new LinkedHashMap<>(c.params());
                params.put("d", java.sql.Date.valueOf(shown));
                rows = warehouse
                        .engine()
                        .query(
                                "select org_id, org_name, org_level, status, deposit_balance, "
                                        + "gl_deposit_balance, loan_balance, npl_balance, cards, new_cards, merchants, devices, "
                                        + "device_fee_income from mart.org_daily where biz_date = :d and " + c.sql()
                                        + " order by org_path",
                                params,
                                10_000);
            }
        }
        model.addAttribute("date", shown);
        model.addAttribute("rows", rows);
        return "warehouse/orgs";
    }

    @GetMapping("/sql")
    String console(org.springframework.ui.Model model) {
        model.addAttribute("query", "select biz_date, count(*) as n from ods.core_deposit_txn group by 1 order by 1");
        return "warehouse/sql";
    }

    /**
     * Runs an operator's query. Only staff who see the whole bank reach it (the console bypasses org scopes; the
     * rule is {@code WholeBankPages}); every query, run or refused, is audited with its text.
     */
    @PostMapping("/sql")
    String run(@RequestParam String query, org.springframework.ui.Model model) {
        model.addAttribute("query", query);
        long start = System.nanoTime();
        try {
            QueryResult r = warehouse.engine().queryReadOnly(query, PAGE_ROWS);
            model.addAttribute("result", r);
            model.addAttribute("millis", (System.nanoTime() - start) / 1_000_000);
            audit.record(ConsoleAudit.QUERY, "query", ConsoleAudit.target(query), null, ConsoleAudit.ran(query, r));
        } catch (QueryRefused e) {
            Refusal why = refusal(e);
            model.addAttribute("error", why.text());
            model.addAttribute("errorSubject", why.subject());
            if (e.reason() == QueryRefused.Reason.INVALID) {
                model.addAttribute("engineMessage", e.detail());
            }
            audit.record(ConsoleAudit.QUERY, "query", ConsoleAudit.target(query), null, ConsoleAudit.refused(query, e));
        }
        return "warehouse/sql";
    }

    @PostMapping("/sql/export")
    void export(@RequestParam String query, HttpServletResponse response) throws IOException {
        QueryResult r;
        try {
            r = warehouse.engine().queryReadOnly(query, EXPORT_ROWS);
        } catch (QueryRefused e) {
            audit.record(
                    ConsoleAudit.EXPORT, "query", ConsoleAudit.target(query), null, ConsoleAudit.refused(query, e));
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, refusal(e).toString());
        }
        audit.record(ConsoleAudit.EXPORT, "query", ConsoleAudit.target(query), null, ConsoleAudit.ran(query, r));
        exports.send(
                response,
                "query",
                exports.title("warehouse.sql.export.title", List.of(), exports.asOfToday(), "export.unit.none"),
                List.of(new Spreadsheets.Table(
                        texts.get("warehouse.sql.export.sheet"),
                        r.columns(),
                        sink -> r.rows()
                                .forEach(row -> sink.accept(row.stream()
                                        .map(v -> v instanceof java.math.BigDecimal || v == null || v instanceof Number
                                                ? v
                                                : v.toString())
                                        .toList())))));
    }

    private static final Pattern NO_TABLE = Pattern.compile("Table with name (\\S+?) does not exist");
    private static final Pattern NO_COLUMN = Pattern.compile("Referenced column \"?([^\"\\s]+)\"? (?:was )?not found");
    private static final Pattern SYNTAX = Pattern.compile("syntax error at (?:or near )?(\"[^\"]*\"|end of input)");

    /** Why a query is not run: the reason in the user's language and what it is about (a name of the query). */
    record Refusal(String text, @Nullable String subject) {

        @Override
        public String toString() {
            return subject == null ? text : text + " " + subject;
        }
    }

    /**
     * Why a query is not run, in the user's language. The engine's own words are English; the errors a query most
     * often meets (no such table, no such column, a syntax error) are said in the user's language, the rest points
     * to the engine's words, which the page shows apart as they are.
     */
    private Refusal refusal(QueryRefused e) {
        if (e.reason() != QueryRefused.Reason.INVALID) {
            return new Refusal(texts.get("warehouse.sql.refused." + e.reason(), e.detail()), null);
        }
        Matcher m = NO_TABLE.matcher(e.detail());
        if (m.find()) {
            return new Refusal(texts.get("warehouse.sql.invalid.table"), m.group(1));
        }
        m = NO_COLUMN.matcher(e.detail());
        if (m.find()) {
            return new Refusal(texts.get("warehouse.sql.invalid.column"), m.group(1));
        }
        m = SYNTAX.matcher(e.detail());
        if (m.find()) {
            return m.group(1).equals("end of input")
                    ? new Refusal(texts.get("warehouse.sql.invalid.syntaxAtEnd"), null)
                    : new Refusal(texts.get("warehouse.sql.invalid.syntax"), m.group(1));
        }
        return new Refusal(texts.get("warehouse.sql.invalid.other"), null);
    }
}
