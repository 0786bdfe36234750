package org.ruralbank.crm;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.shared.Masking;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.WarehouseQueries;

/**
 * Marketing lists made from the data ({@code crm/marketing_list}), for customer managers to work: holders of
 * magnetic-stripe cards to migrate to chip, pensioners without online or mobile banking, high balances without SMS
 * notices, customers whose merchant sleeps. Mobiles are masked; the period is the 60 days ending on the date.
 */
public final class MarketingLists {

    /** The most customers shown of a list; the query returns one more so that the page can say there are more. */
    public static final int MAX = 500;

    /** The period of pensions paid and merchants' transactions: the 60 days ending on the date. */
    public static final int PERIOD_DAYS = 60;

    private MarketingLists() {}

    public enum Kind {
        MAGNETIC_CARD,
        PENSION_NO_EBANK,
        RICH_NO_SMS,
        SLEEPING_MERCHANT
    }

    /** One customer of a list; {@code detail} the card, last pension date, deposits or merchant. */
    public record Entry(
            String custId,
            String custName,
            @Nullable String mobile,
            String orgId,
            String orgPath,
            @Nullable String detail) {}

    public record Listed(Kind kind, LocalDate date, List<Entry> entries, boolean more) {}

    public static Listed of(WarehouseQueries queries, Kind kind, LocalDate date, Tiers tiers, OrgScope scope) {
        List<Entry> rows = queries.named("crm/marketing_list")
                .bind("list_kind", kind.name())
                .between(date.minusDays(PERIOD_DAYS - 1), date)
                .bind("min_yuan", tiers.gold())
                .within(OrgRows.of(scope))
                .list(Entry.class);
        return new Listed(
                kind,
                date,
                rows.stream()
                        .limit(MAX)
                        .map(e -> new Entry(
                                e.custId(),
                                e.custName(),
                                Masking.mobile(e.mobile()),
                                e.orgId(),
                                e.orgPath(),
                                maskCard(kind, e.detail())))
                        .toList(),
                rows.size() > MAX);
    }

    private static @Nullable String maskCard(Kind kind, @Nullable String detail) {
        return kind == Kind.MAGNETIC_CARD ? Masking.cardNo(detail) : detail;
    }
}
