package org.ruralbank.channels.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ruralbank.channels.ChannelMeasure;
import org.ruralbank.channels.ChannelPeriod;
import org.ruralbank.channels.OrgComparisons;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Spreadsheets;
import org.ruralbank.platform.web.Exports;
import org.ruralbank.platform.web.MoneyUnit;
import org.ruralbank.shared.Change;
import org.springframework.stereotype.Component;

/**
 * What the channel pages' Excel exports share: the org-by-org comparison table every figure page shows (its own sheet,
 * in the user's language and the money unit chosen), and the periods as the pages say them.
 */
@Component
class ChannelExports {

    private final Exports exports;
    private final OrgComparisons comparisons;

    ChannelExports(Exports exports, OrgComparisons comparisons) {
        this.exports = exports;
        this.comparisons = comparisons;
    }

    Exports exports() {
        return exports;
    }

    /** A year's months, as the pages of a year title their export: 2025年各月, the months of 2025. */
    String months(int year) {
        return exports.text("channels.export.months", Integer.toString(year));
    }

    /**
     * The title of a page's export over a filter's dates: {@code <page>.export.title}, the range, and
     * {@code <page>.export.unit} with the money unit chosen.
     */
    Spreadsheets.Title title(String page, ChannelPeriod.Filter filter) {
        return exports.title(
                page + ".export.title",
                List.of(),
                exports.range(filter.from(), filter.to()),
                Exports.msg(page + ".export.unit", exports.moneyUnit()));
    }

    /** The comparison table of a filter's org and dates, as {@link #compared(OrgComparisons.Compared)} writes it. */
    Spreadsheets.Table compared(ChannelPeriod.Filter filter, List<ChannelMeasure> measures, OrgScope scope) {
        return compared(comparisons.of(filter.orgId(), filter.from(), filter.to(), measures, scope));
    }

    /**
     * The page's comparison table as a sheet: each org (a subtotal marked as on the page) with, for each figure, its
     * value, its change against the period before and a year earlier (and the change in percent), and its rank in the
     * bank. Money in the unit chosen; counts whole; a rate and its change in percentage points with two decimals.
     */
    Spreadsheets.Table compared(OrgComparisons.Compared c) {
        MoneyUnit unit = MoneyUnit.current();
        List<Object> headers = new ArrayList<>(List.of("org.id", "org.name"));
        for (ChannelMeasure m : c.measures()) {
            Exports.Msg name = Exports.msg("compare.measure." + m.name());
            headers.add(column(name, m.money() ? "channels.export.valueIn" : "compare.value"));
            headers.add(column(name, m.percent() ? "channels.export.previousPoints" : "compare.previous"));
            if (!m.percent()) {
                headers.add(column(name, "channels.export.previousPct"));
            }
            headers.add(column(name, m.percent() ? "channels.export.yearAgoPoints" : "compare.yearAgo"));
            if (!m.percent()) {
                headers.add(column(name, "channels.export.yearAgoPct"));
            }
            headers.add(column(name, "compare.rank"));
        }
        return exports.table("compare.heading", headers, sink -> {
            for (OrgComparisons.OrgLine o : c.orgs()) {
                List<Object> cells = new ArrayList<>();
                cells.add(o.orgId());
                cells.add(o.orgName() + (o.subtotal() ? exports.text("compare.subtotal") : ""));
                for (ChannelMeasure m : c.measures()) {
                    OrgComparisons.Cell x = o.cell(m);
                    cells.add(x == null ? null : figure(m, x.value(), unit));
                    for (Change ch :
                            java.util.Arrays.asList(x == null ? null : x.previous(), x == null ? null : x.yearAgo())) {
                        cells.add(ch == null ? null : figure(m, ch.change(), unit));
                        if (!m.percent()) {
                            cells.add(
                                    ch == null || ch.changePct() == null
                                            ? null
                                            : ch.changePct().setScale(2, RoundingMode.HALF_UP));
                        }
                    }
                    cells.add(x == null ? null : exports.text("compare.place", x.bankRank(), x.levelOrgs()));
                }
                sink.accept(cells);
            }
        });
    }

    /** A column of a figure: 卡存款余额：本期（万元）. */
    private Exports.Msg column(Exports.Msg measure, String what) {
        return Exports.msg("channels.export.column", measure, Exports.msg(what, exports.moneyUnit()));
    }

    private static @Nullable BigDecimal figure(ChannelMeasure m, @Nullable BigDecimal v, MoneyUnit unit) {
        if (v == null) {
            return null;
        }
        if (m.money()) {
            return unit.of(v);
        }
        return v.setScale(m.percent() ? 2 : 0, RoundingMode.HALF_UP);
    }
}
