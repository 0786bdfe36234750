package org.ruralbank.channels;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.shared.Ratios;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.ruralbank.warehouse.WarehouseQueries;
import org.springframework.stereotype.Service;

/**
 * The debit-card figures of a period for an org subtree within the user's scope: per org, by product and medium,
 * and month by month (new cards, chip migration), from {@code mart.ebank_org_daily} and {@code mart.card_org_daily}.
 * Stocks are those of the period's last built date; new cards are summed over the period.
 */
@Service
public class CardFigures {

    private final Warehouse warehouse;
    private final ChannelReads reads;

    CardFigures(Warehouse warehouse, ChannelReads reads) {
        this.warehouse = warehouse;
        this.reads = reads;
    }

    /** One org's cards at the period's end and its new cards in the period. */
    public record OrgCards(
            String orgId,
            String orgName,
            long cards,
            long newCards,
            long cancelled,
            long chip,
            long dormant,
            BigDecimal balance,
            BigDecimal balancePerCard,
            long sms,
            BigDecimal smsSharePct) {}

    /** Cards of one product and medium (live, not cancelled) at the period's end. */
    public record ProductCards(String product, String medium, long cards, long newCards) {}

    /** One month: new cards issued, live chip and magnetic cards at the month's last built date. */
    public record Month(String month, long newCards, long chip, long magnetic) {}

    /** The page's content; {@code to} is null when the warehouse has no date in the period. */
    public record View(
            ChannelPeriod.Filter filter,
            LocalDate from,
            LocalDate to,
            OrgCards total,
            List<OrgCards> orgs,
            List<ProductCards> products,
            List<Month> months) {
        public boolean hasData() {
            return to != null;
        }
    }

    private record OrgRow(
            String orgId,
            String orgName,
            long cards,
            long newCards,
            long cancelled,
            long chip,
            long dormant,
            BigDecimal balance,
            long sms) {
        OrgCards figures() {
            return orgCards(orgId, orgName, cards, newCards, cancelled, chip, dormant, balance, sms);
        }
    }

    private record MonthRow(long month, long newCards, long chip, long magnetic) {
        Month asMonth() {
            return new Month(String.format("%d-%02d", month / 100, month % 100), newCards, chip, magnetic);
        }
    }

    public View of(ChannelPeriod.Filter filter, OrgScope scope) {
        OrgRows rows = reads.rows(filter.orgId(), scope);
        ChannelReads.DataDates dates = reads.dataDates("channels/ebank_dates", filter.from(), filter.to());
        if (!dates.any()) {
            return new View(filter, null, null, null, List.of(), List.of(), List.of());
        }
        WarehouseQueries queries = warehouse.queries();
        List<OrgCards> orgs = queries
                .named("channels/cards_by_org")
                .between(dates.firstDate(), dates.lastDate())
                .within(rows)
                .list(OrgRow.class)
                .stream()
                .map(OrgRow::figures)
                .toList();
        List<ProductCards> products = queries.named("channels/cards_by_product")
                .between(dates.firstDate(), dates.lastDate())
                .within(rows)
                .list(ProductCards.class);
        List<Month> months = queries
                .named("channels/cards_by_month")
                .between(dates.firstDate(), dates.lastDate())
                .within(rows)
                .list(MonthRow.class)
                .stream()
                .map(MonthRow::asMonth)
                .toList();
        return new View(filter, dates.firstDate(), dates.lastDate(), total(orgs), orgs, products, months);
    }

    private static OrgCards total(List<OrgCards> orgs) {
        return orgCards(
                null,
                "合计",
                orgs.stream().mapToLong(OrgCards::cards).sum(),
                orgs.stream().mapToLong(OrgCards::newCards).sum(),
                orgs.stream().mapToLong(OrgCards::cancelled).sum(),
                orgs.stream().mapToLong(OrgCards::chip).sum(),
                orgs.stream().mapToLong(OrgCards::dormant).sum(),
                orgs.stream().map(OrgCards::balance).reduce(BigDecimal.ZERO, BigDecimal::add),
                orgs.stream().mapToLong(OrgCards::sms).sum());
    }

    private static OrgCards orgCards(
            String id,
            String name,
            long cards,
            long newCards,
            long cancelled,
            long chip,
            long dormant,
            BigDecimal balance,
            long sms) {
        return new OrgCards(
                id,
                name,
                cards,
                newCards,
                cancelled,
                chip,
                dormant,
                balance,
                Ratios.average(balance, cards, 2),
                sms,
                Ratios.percent(BigDecimal.valueOf(sms), BigDecimal.valueOf(cards)));
    }
}
