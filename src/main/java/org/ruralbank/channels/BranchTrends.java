package org.ruralbank.channels;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/**
 * One channel figure month by month for each branch, its outlets' with its own ({@code channels/measure_by_branch_month}):
 * the per-branch trend lines of the figure pages. A flow is summed over the month's data dates, a stock is that of the
 * month's last data date, the substitution rate is the month's.
 */
@Service
public class BranchTrends {

    private final Warehouse warehouse;
    private final ChannelReads reads;

    BranchTrends(Warehouse warehouse, ChannelReads reads) {
        this.warehouse = warehouse;
        this.reads = reads;
    }

    /** One branch's figure of one month (yyyy-MM); null where a rate has no transaction. */
    public record BranchMonth(
            String orgId,
            String orgName,
            String month,
            @Nullable BigDecimal value) {}

    private record Row(
            String orgId,
            String orgName,
            String orgPath,
            long month,
            @Nullable BigDecimal value) {}

    /**
     * The figure {@code measure} of each open branch within the filter's subtree and the scope, month by month over
     * the period's data dates.
     */
    public List<BranchMonth> of(ChannelMeasure measure, ChannelPeriod.Filter filter, OrgScope scope) {
        OrgRows rows = reads.rows(filter.orgId(), scope);
        ChannelReads.DataDates dates = reads.dataDates("channels/ebank_dates", filter.from(), filter.to());
        if (!dates.any()) {
            return List.of();
        }
        return warehouse
                .queries()
                .named("channels/measure_by_branch_month")
                .between(dates.firstDate(), dates.lastDate())
                .bind("measure", measure.name())
                .within(rows)
                .list(Row.class)
                .stream()
                .map(r -> new BranchMonth(
                        r.orgId(),
                        r.orgName(),
                        String.format("%d-%02d", r.month() / 100, r.month() % 100),
                        r.value() == null
                                ? null
                                // a count is whole, money and a rate have their two decimals
                                : r.value()
                                        .setScale(measure.money() || measure.percent() ? 2 : 0, RoundingMode.HALF_UP)))
                .toList();
    }
}
