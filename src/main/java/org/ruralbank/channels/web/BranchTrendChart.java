package org.ruralbank.channels.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.channels.BranchTrends;
import org.ruralbank.channels.ChannelMeasure;
import org.ruralbank.channels.ChannelPeriod;
import org.ruralbank.channels.Indicator;
import org.ruralbank.channels.Targets;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.shared.Ratios;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-branch trend chart of a figure page (the {@code branchTrend} fragment): a line per branch of the page's
 * subtree and the scope, month by month, and, when the page shows one branch and the figure has a target in the
 * target-decomposition table, the target's line: the quarter's target spread evenly over its three months.
 */
@Component
class BranchTrendChart {

    private static final BigDecimal THREE = BigDecimal.valueOf(3);

    private final BranchTrends trends;
    private final Targets targets;
    private final MessageSource messages;

    BranchTrendChart(BranchTrends trends, Targets targets, MessageSource messages) {
        this.trends = trends;
        this.targets = targets;
        this.messages = messages;
    }

    /**
     * Puts the chart of {@code measure} into the model ({@code trendMeasure}, {@code trendLabels}, {@code trendSeries},
     * {@code trendBranches}), with the line of {@code target} (null: the figure has none) when one branch is shown.
     */
    void put(
            Model model,
            ChannelMeasure measure,
            @Nullable Indicator target,
            ChannelPeriod.Filter filter,
            OrgScope scope,
            Locale locale) {
        List<BranchTrends.BranchMonth> rows = trends.of(measure, filter, scope);
        List<String> labels = rows.stream()
                .map(BranchTrends.BranchMonth::month)
                .distinct()
                .sorted()
                .toList();
        Map<String, List<BigDecimal>> lines = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (BranchTrends.BranchMonth r : rows) {
            names.putIfAbsent(r.orgId(), r.orgName());
            lines.computeIfAbsent(r.orgId(), k -> new ArrayList<>()).add(r.value());
        }
        List<Map<String, Object>> series = new ArrayList<>();
        lines.forEach((orgId, line) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", names.get(orgId));
            s.put("type", "line");
            s.put("data", line);
            series.add(s);
        });
        if (target != null && lines.size() == 1) {
            List<BigDecimal> line = targetLine(target, lines.keySet().iterator().next(), labels, scope);
            if (line != null) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("name", messages.getMessage("trend.target", null, locale));
                s.put("type", "line");
                s.put("dashed", true);
                s.put("data", line);
                series.add(s);
            }
        }
        model.addAttribute("trendMeasure", measure.name());
        model.addAttribute("trendTarget", target != null);
        model.addAttribute("trendLabels", JsonMapper.shared().writeValueAsString(labels));
        model.addAttribute("trendSeries", JsonMapper.shared().writeValueAsString(series));
        model.addAttribute("trendBranches", lines.size());
    }

    /** The branch's monthly target: its quarter's target ÷ 3 for each month; null when no quarter has one. */
    private @Nullable List<BigDecimal> targetLine(
            Indicator indicator, String branch, List<String> months, OrgScope scope) {
        Map<String, BigDecimal> perQuarter = new HashMap<>();
        months.stream()
                .map(m -> Integer.parseInt(m.substring(0, 4)))
                .distinct()
                .forEach(year -> targets.of(year, scope).stream()
                        .filter(t -> t.orgId().equals(branch) && t.indicator() == indicator)
                        .forEach(t -> perQuarter.put(t.year() + "Q" + t.quarter(), t.value())));
        if (perQuarter.isEmpty()) {
            return null;
        }
        List<BigDecimal> line = new ArrayList<>();
        for (String m : months) {
            BigDecimal quarter = perQuarter.get(m.substring(0, 4) + "Q" + ((Integer.parseInt(m.substring(5)) + 2) / 3));
            line.add(quarter == null ? null : Ratios.ratio(quarter, THREE, 2));
        }
        return line;
    }
}
