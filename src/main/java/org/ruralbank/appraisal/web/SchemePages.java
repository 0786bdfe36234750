package org.ruralbank.appraisal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.appraisal.Indicators;
import org.ruralbank.appraisal.Perspective;
import org.ruralbank.appraisal.Schemes;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.Department;
import org.ruralbank.platform.Departments;
import org.ruralbank.platform.Rejected;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scheme editor (考核方案): a year's items under the four perspectives with weights, rules and targets, the link of
 * a person's score to the branch's, the pool floor and cap, the year's wage budget, and each head-office department's
 * items (部室考核指标: the bank-wide indicators it owns with its quarterly targets, and its qualitative items). Everyone
 * appraised reads it; the performance office (whole bank) changes it.
 */
@Controller
@RequestMapping("/appraisal")
class SchemePages {

    private final Schemes schemes;
    private final Indicators indicators;
    private final Departments departments;
    private final org.ruralbank.platform.web.Texts texts;
    private final Clock clock;

    SchemePages(
            Schemes schemes,
            Indicators indicators,
            Departments departments,
            org.ruralbank.platform.web.Texts texts,
            Clock clock) {
        this.schemes = schemes;
        this.indicators = indicators;
        this.departments = departments;
        this.texts = texts;
        this.clock = clock;
    }

    /** One row of the editor: an item of the scheme, or an indicator of the library not in it (no weight). */
    record Row(
            String code,
            String name,
            String unit,
            String direction,
            String levels,
            Schemes.Kind kind,
            Perspective perspective,
            @Nullable String weight,
            String threshold,
            String floor,
            String cap,
            @Nullable String base,
            String urban,
            String suburban,
            String rural) {}

    @GetMapping("/schemes")
    @PreAuthorize(Pages.READERS)
    String page(
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String dept, Model model) {
        int y = year != null
                ? year
                : LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).getYear() - 1;
        Schemes.Scheme scheme = schemes.find(y).orElse(null);
        show(model, y, scheme, rows(scheme));
        showDepartments(model, y, dept);
        return "appraisal/schemes";
    }

    private void show(Model model, int year, Schemes.@Nullable Scheme scheme, List<Row> rows) {
        model.addAttribute("year", year);
        model.addAttribute("scheme", scheme);
        model.addAttribute("rows", rows);
        model.addAttribute("perspectives", Perspective.values());
        model.addAttribute("budget", schemes.budget(year).orElse(null));
        if (scheme != null) {
            List<Perspective> ps = Arrays.asList(Perspective.values());
            model.addAttribute("chartLabels", Pages.labels(ps, p -> texts.get("appraisal.perspective." + p.name())));
            model.addAttribute("chartWeights", Pages.numbers(ps, scheme::weight));
        }
    }

    private List<Row> rows(Schemes.@Nullable Scheme scheme) {
        Map<String, Schemes.Item> items = new LinkedHashMap<>();
        if (scheme != null) {
            scheme.items().forEach(i -> items.put(i.code(), i));
        }
        boolean en = Pages.english();
        List<Row> rows = new ArrayList<>();
        for (Indicators.Definition d : indicators.all()) {
            Schemes.Item i = items.remove(d.code());
            rows.add(new Row(
                    d.code(),
                    d.name(en),
                    d.unit(),
                    d.direction().name(),
                    levels(d.levels()),
                    Schemes.Kind.QUANT,
                    i == null ? d.perspective() : i.perspective(),
                    i == null ? null : plain(i.weightPct()),
                    i == null ? "60" : plain(i.thresholdPct()),
                    i == null ? "60" : plain(i.floorPct()),
                    i == null ? "120" : plain(i.capPct()),
                    i == null || i.baseTarget() == null ? null : plain(i.baseTarget()),
                    i == null ? "1.2" : plain(i.urbanFactor()),
                    i == null ? "1.0" : plain(i.suburbanFactor()),
                    i == null ? "0.8" : plain(i.ruralFactor())));
        }
        for (Schemes.Item i : items.values()) {
            rows.add(new Row(
                    i.code(),
                    i.code(),
                    "分",
                    "UP",
                    levels(java.util.Set.of(Indicators.Level.BRANCH)),
                    Schemes.Kind.QUAL,
                    i.perspective(),
                    plain(i.weightPct()),
                    plain(i.thresholdPct()),
                    plain(i.floorPct()),
                    plain(i.capPct()),
                    null,
                    "1",
                    "1",
                    "1"));
        }
        for (int k = 0; k < 2; k++) {
            rows.add(new Row(
                    "",
                    "",
                    "分",
                    "UP",
                    levels(java.util.Set.of(Indicators.Level.BRANCH)),
                    Schemes.Kind.QUAL,
                    Perspective.CONTROL,
                    null,
                    "0",
                    "0",
                    "100",
                    null,
                    "1",
                    "1",
                    "1"));
        }
        return rows;
    }

    @PostMapping("/office/schemes")
    @PreAuthorize(Pages.PERF)
    String save(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "") String branchWeightPct,
            @RequestParam(defaultValue = "") String floorSharePct,
            @RequestParam(defaultValue = "") String capSharePct,
            @RequestParam(name = "code", required = false) List<String> code,
            @RequestParam(name = "kind", required = false) List<String> kind,
            @RequestParam(name = "perspective", required = false) List<String> perspective,
            @RequestParam(name = "weight", required = false) List<String> weight,
            @RequestParam(name = "threshold", required = false) List<String> threshold,
            @RequestParam(name = "floor", required = false) List<String> floor,
            @RequestParam(name = "cap", required = false) List<String> cap,
            @RequestParam(name = "base", required = false) List<String> base,
            @RequestParam(name = "urban", required = false) List<String> urban,
            @RequestParam(name = "suburban", required = false) List<String> suburban,
            @RequestParam(name = "rural", required = false) List<String> rural,
            @RequestParam(required = false) String deptId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (deptId != null) {
            return saveDepartment(
                    year,
                    deptId,
                    code,
                    kind,
                    perspective,
                    weight,
                    threshold,
                    floor,
                    cap,
                    base,
                    model,
                    response,
                    redirect);
        }
        List<Schemes.Item> items = new ArrayList<>();
        try {
            int n = code == null ? 0 : code.size();
            for (int i = 0; i < n; i++) {
                String w = at(weight, i);
                String c = at(code, i).strip();
                if (w.isBlank() || c.isEmpty()) {
                    continue;
                }
                String f = "items[" + c + "]";
                items.add(new Schemes.Item(
                        c,
                        enumOf(Schemes.Kind.class, at(kind, i), f),
                        enumOf(Perspective.class, at(perspective, i), f),
                        number(w, f),
                        number(at(threshold, i), f),
                        number(at(floor, i), f),
                        number(at(cap, i), f),
                        at(base, i).isBlank() ? null : number(at(base, i), f),
                        number(at(urban, i), f),
                        number(at(suburban, i), f),
                        number(at(rural, i), f)));
            }
            Schemes.Scheme scheme = new Schemes.Scheme(
                    year == null ? 0 : year,
                    name == null ? "" : name.strip(),
                    whole(branchWeightPct, "branchWeightPct"),
                    whole(floorSharePct, "floorSharePct"),
                    whole(capSharePct, "capSharePct"),
                    items);
            schemes.save(scheme, CurrentStaff.get().scope());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/appraisal/schemes?year=" + year;
        } catch (Rejected r) {
            Pages.refused(r, model, response);
            int y = year == null ? 0 : year;
            show(model, y, schemes.find(y).orElse(null), rows(schemes.find(y).orElse(null)));
            showDepartments(model, y, null);
            return "appraisal/schemes";
        }
    }

    /**
     * The departments' part of the editor: the departments within the user's scope, the one chosen (the first by
     * default) and its rows: every indicator that applies at department level (no weight: not among its items), its
     * qualitative items, and two empty qualitative rows.
     */
    private void showDepartments(Model model, int year, @Nullable String dept) {
        List<Department> all = departments.list(CurrentStaff.get().scope()).stream()
                .filter(Department::open)
                .toList();
        Department chosen =
                all.stream().filter(d -> d.deptId().equals(dept)).findFirst().orElse(all.isEmpty() ? null : all.get(0));
        model.addAttribute("departments", all);
        model.addAttribute("dept", chosen);
        if (chosen == null) {
            model.addAttribute("deptRows", List.of());
            return;
        }
        Map<String, Schemes.Item> items = new LinkedHashMap<>();
        schemes.departmentItems(year).getOrDefault(chosen.deptId(), List.of()).forEach(i -> items.put(i.code(), i));
        boolean en = Pages.english();
        List<Row> rows = new ArrayList<>();
        for (Indicators.Definition d : indicators.all()) {
            if (!d.levels().contains(Indicators.Level.DEPARTMENT)) {
                continue;
            }
            Schemes.Item i = items.remove(d.code());
            rows.add(new Row(
                    d.code(),
                    d.name(en),
                    d.unit(),
                    d.direction().name(),
                    levels(d.levels()),
                    Schemes.Kind.QUANT,
                    i == null ? d.perspective() : i.perspective(),
                    i == null ? null : plain(i.weightPct()),
                    i == null ? "60" : plain(i.thresholdPct()),
                    i == null ? "60" : plain(i.floorPct()),
                    i == null ? "120" : plain(i.capPct()),
                    i == null || i.baseTarget() == null ? null : plain(i.baseTarget()),
                    "1",
                    "1",
                    "1"));
        }
        List<Schemes.Item> qualitative = new ArrayList<>(items.values());
        for (int k = 0; k < 2; k++) {
            qualitative.add(null);
        }
        for (Schemes.Item i : qualitative) {
            rows.add(new Row(
                    i == null ? "" : i.code(),
                    i == null ? "" : i.code(),
                    "分",
                    "UP",
                    levels(java.util.Set.of(Indicators.Level.DEPARTMENT)),
                    Schemes.Kind.QUAL,
                    i == null ? Perspective.CONTROL : i.perspective(),
                    i == null ? null : plain(i.weightPct()),
                    i == null ? "0" : plain(i.thresholdPct()),
                    i == null ? "0" : plain(i.floorPct()),
                    i == null ? "100" : plain(i.capPct()),
                    null,
                    "1",
                    "1",
                    "1"));
        }
        model.addAttribute("deptRows", rows);
    }

    /** Saves a department's items of the year whole (a row without a weight is not among them). */
    private String saveDepartment(
            Integer year,
            String deptId,
            List<String> code,
            List<String> kind,
            List<String> perspective,
            List<String> weight,
            List<String> threshold,
            List<String> floor,
            List<String> cap,
            List<String> base,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        int y = year == null ? 0 : year;
        try {
            List<Schemes.Item> items = new ArrayList<>();
            int n = code == null ? 0 : code.size();
            for (int i = 0; i < n; i++) {
                String w = at(weight, i);
                String c = at(code, i).strip();
                if (w.isBlank() || c.isEmpty()) {
                    continue;
                }
                String f = "items[" + c + "]";
                items.add(new Schemes.Item(
                        c,
                        enumOf(Schemes.Kind.class, at(kind, i), f),
                        enumOf(Perspective.class, at(perspective, i), f),
                        number(w, f),
                        number(at(threshold, i), f),
                        number(at(floor, i), f),
                        number(at(cap, i), f),
                        at(base, i).isBlank() ? null : number(at(base, i), f),
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE));
            }
            schemes.saveDepartmentItems(y, deptId, items, CurrentStaff.get().scope());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/appraisal/schemes?year=" + y + "&dept=" + deptId;
        } catch (Rejected r) {
            Pages.refused(r, model, response);
            Schemes.Scheme s = schemes.find(y).orElse(null);
            show(model, y, s, rows(s));
            showDepartments(model, y, deptId);
            return "appraisal/schemes";
        }
    }

    @PostMapping("/office/budget")
    @PreAuthorize(Pages.PERF)
    String budget(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String wageTotal,
            @RequestParam(required = false) String bonusPct,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            schemes.setBudget(
                    year == null ? 0 : year,
                    wageTotal,
                    bonusPct,
                    CurrentStaff.get().scope());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/appraisal/schemes?year=" + year;
        } catch (Rejected r) {
            Pages.refused(r, model, response);
            int y = year == null ? 0 : year;
            Schemes.Scheme s = schemes.find(y).orElse(null);
            show(model, y, s, rows(s));
            showDepartments(model, y, null);
            return "appraisal/schemes";
        }
    }

    private String levels(java.util.Set<Indicators.Level> levels) {
        return levels.stream()
                .sorted()
                .map(l -> texts.get("appraisal.level." + l.name()))
                .collect(java.util.stream.Collectors.joining("、"));
    }

    private static String at(@Nullable List<String> list, int i) {
        return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i);
    }

    private static BigDecimal number(String text, String field) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new Rejected(field, "appraisal.rejected.number", text);
        }
    }

    private static int whole(String text, String field) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new Rejected(field, "appraisal.rejected.number", text);
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String text, String field) {
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw new Rejected(field, "appraisal.rejected.number", text);
        }
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
