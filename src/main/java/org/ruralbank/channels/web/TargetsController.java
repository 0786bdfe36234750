package org.ruralbank.channels.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.channels.ChannelPeriod;
import org.ruralbank.channels.Indicator;
import org.ruralbank.channels.Target;
import org.ruralbank.channels.TargetCompletion;
import org.ruralbank.channels.TargetWorkbook;
import org.ruralbank.channels.Targets;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.web.Download;
import org.ruralbank.platform.web.Exports;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The target-decomposition table: download the template, upload it filled, see each branch's quarterly targets. */
@Controller
@RequestMapping("/channels/targets")
class TargetsController {

    private static final String PLANNERS = "hasAnyRole('ADMIN','EBANK','PERF')";

    private final Targets targets;
    private final TargetCompletion completion;
    private final ChannelPeriod period;
    private final MessageSource messages;
    private final Exports exports;

    TargetsController(
            Targets targets,
            TargetCompletion completion,
            ChannelPeriod period,
            MessageSource messages,
            Exports exports) {
        this.targets = targets;
        this.completion = completion;
        this.period = period;
        this.messages = messages;
        this.exports = exports;
    }

    @GetMapping
    String page(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer quarter,
            Locale locale,
            Model model) {
        int y = period.year(year);
        OrgScope scope = CurrentStaff.get().scope();
        int q = quarter != null && quarter >= 1 && quarter <= 4 ? quarter : lastQuarter(y);
        model.addAttribute("quarter", q);
        TargetCompletion.Quarter shown = completion.of(y, q, scope);
        model.addAttribute("completion", shown);
        trend(model, y, q, shown, scope, locale);
        model.addAttribute("year", y);
        model.addAttribute("years", List.of(y - 1, y, y + 1));
        model.addAttribute("indicators", Indicator.values());
        model.addAttribute("rows", rows(y, scope));
        return "channels/targets";
    }

    @GetMapping("/template")
    @PreAuthorize(PLANNERS)
    void template(@RequestParam(required = false) Integer year, HttpServletResponse response) throws IOException {
        int y = period.year(year);
        OrgScope scope = CurrentStaff.get().scope();
        Download.xlsx(response, y + "-targets");
        TargetWorkbook.write(response.getOutputStream(), y, targets.branches(scope), targets.of(y, scope));
    }

    @PostMapping("/upload")
    @PreAuthorize(PLANNERS)
    String upload(
            @RequestParam int year,
            @RequestParam("file") MultipartFile file,
            Locale locale,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        TargetWorkbook.Parsed parsed = targets.upload(
                year,
                file.getOriginalFilename(),
                file.getInputStream(),
                CurrentStaff.get().scope());
        if (parsed.notWorkbook()) {
            model.addAttribute("notWorkbook", file.getOriginalFilename());
            return page(year, null, locale, model);
        }
        if (!parsed.valid()) {
            model.addAttribute("problems", parsed.problems());
            model.addAttribute("unlisted", parsed.unlisted());
            model.addAttribute("fileName", file.getOriginalFilename());
            return page(year, null, locale, model);
        }
        redirect.addFlashAttribute("uploaded", parsed.targets().size());
        return "redirect:/channels/targets?year=" + year;
    }

    /**
     * The page as Excel: the quarter's completion and ranking, and the year's targets of each branch, in the user's
     * language (a target of 9 cards is 9, a balance per card has its two decimals).
     */
    @GetMapping("/export")
    void export(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer quarter,
            HttpServletResponse response)
            throws IOException {
        int y = period.year(year);
        OrgScope scope = CurrentStaff.get().scope();
        int shown = quarter != null && quarter >= 1 && quarter <= 4 ? quarter : lastQuarter(y);
        List<Row> rows = rows(y, scope);
        TargetCompletion.Quarter done = completion.of(y, shown, scope);
        List<Object> headers = new ArrayList<>(List.of("org.id", "org.name"));
        List<Object> completionHeaders = new ArrayList<>(List.of("targets.rank", "org.id", "org.name"));
        for (Indicator ind : Indicator.values()) {
            Exports.Msg name = Exports.msg("targets.indicator." + ind.name());
            for (int q = 1; q <= 4; q++) {
                headers.add(Exports.msg("targets.export.quarterColumn", name, q));
            }
            for (String what : List.of("targets.target", "targets.actual", "targets.export.pct")) {
                completionHeaders.add(Exports.msg("channels.export.column", name, Exports.msg(what)));
            }
        }
        completionHeaders.add("targets.score");
        exports.send(
                response,
                y + "-targets-export",
                exports.title(
                        "targets.export.title",
                        List.of(Integer.toString(y)),
                        exports.text("channels.export.quarters", Integer.toString(y)),
                        "targets.export.unit"),
                List.of(
                        exports.table(
                                "targets.title",
                                headers,
                                sink -> rows.forEach(r -> {
                                    List<Object> cells = new ArrayList<>(List.of(r.orgId(), r.name()));
                                    for (Indicator ind : Indicator.values()) {
                                        for (int q = 1; q <= 4; q++) {
                                            BigDecimal v = r.value(ind, q);
                                            // a target of 9 cards is 9, not 9.00
                                            cells.add(v == null ? null : v.setScale(ind.scale(), RoundingMode.HALF_UP));
                                        }
                                    }
                                    sink.accept(cells);
                                })),
                        exports.table(
                                Exports.msg("targets.export.completion", shown),
                                completionHeaders,
                                sink -> done.rows().forEach(r -> {
                                    List<Object> cells = new ArrayList<>();
                                    cells.add(r.rank() == 0 ? null : r.rank());
                                    cells.add(r.orgId());
                                    cells.add(r.name());
                                    for (Indicator ind : Indicator.values()) {
                                        TargetCompletion.Cell c = r.cell(ind);
                                        cells.add(c == null ? null : scaled(c.target(), ind.scale()));
                                        cells.add(c == null ? null : scaled(c.actual(), ind.scale()));
                                        cells.add(c == null ? null : scaled(c.pct(), 2));
                                    }
                                    cells.add(scaled(r.score(), 2));
                                    sink.accept(cells);
                                }))));
    }

    private static @Nullable BigDecimal scaled(@Nullable BigDecimal v, int scale) {
        return v == null ? null : v.setScale(scale, RoundingMode.HALF_UP);
    }

    /** One branch's targets for the page: indicator → quarter → value. */
    record Row(String orgId, String name, Map<Indicator, Map<Integer, BigDecimal>> values) {
        public @Nullable BigDecimal value(Indicator ind, int quarter) {
            return values.getOrDefault(ind, Map.of()).get(quarter);
        }
    }

    private List<Row> rows(int year, OrgScope scope) {
        Map<String, Row> rows = new LinkedHashMap<>();
        targets.branches(scope)
                .forEach(b ->
                        rows.put(b.orgId(), new Row(b.orgId(), b.name(), new java.util.EnumMap<>(Indicator.class))));
        for (Target t : targets.of(year, scope)) {
            Row r = rows.get(t.orgId());
            if (r != null) {
                r.values()
                        .computeIfAbsent(t.indicator(), k -> new java.util.HashMap<>())
                        .put(t.quarter(), t.value());
            }
        }
        return new ArrayList<>(rows.values());
    }

    /** The quarter of the last loaded date when {@code year} is its year, else the fourth. */
    /**
     * The chart of each branch's completion quarter by quarter up to the last quarter with data ({@code trendLabels},
     * {@code trendSeries}: a line per branch of the scope and the target's line at 100 %), so a head sees how each
     * branch moved against its plan through the year.
     */
    private void trend(
            Model model, int year, int shown, TargetCompletion.Quarter shownQuarter, OrgScope scope, Locale locale) {
        int last = Math.max(shown, lastQuarter(year));
        List<String> labels = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<BigDecimal>> scores = new LinkedHashMap<>();
        for (int q = 1; q <= last; q++) {
            labels.add(messages.getMessage("targets.quarterN", new Object[] {q}, locale));
            TargetCompletion.Quarter quarter = q == shown ? shownQuarter : completion.of(year, q, scope);
            for (TargetCompletion.Row r : quarter.rows()) {
                names.putIfAbsent(r.orgId(), r.name());
                List<BigDecimal> line = scores.computeIfAbsent(r.orgId(), k -> new ArrayList<>());
                while (line.size() < q - 1) {
                    line.add(null);
                }
                line.add(r.score());
            }
        }
        List<Map<String, Object>> series = new ArrayList<>();
        scores.forEach((orgId, line) -> {
            while (line.size() < labels.size()) {
                line.add(null);
            }
            series.add(Map.of("name", names.get(orgId), "type", "line", "data", line));
        });
        List<BigDecimal> target = new ArrayList<>();
        labels.forEach(l -> target.add(BigDecimal.valueOf(100)));
        series.add(Map.of(
                "name",
                messages.getMessage("targets.trend.target", null, locale),
                "type",
                "line",
                "dashed",
                true,
                "data",
                target));
        model.addAttribute("trendLabels", JsonMapper.shared().writeValueAsString(labels));
        model.addAttribute("trendSeries", JsonMapper.shared().writeValueAsString(series));
        model.addAttribute("trendBranches", scores.size());
    }

    private int lastQuarter(int year) {
        LocalDate last = period.lastDateOrToday();
        return last.getYear() == year ? (last.getMonthValue() + 2) / 3 : 4;
    }
}
