package org.ruralbank.channels;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.PageOf;
import org.ruralbank.shared.Masking;
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

    /** One card behind an org's figures, its number masked. */
    public record CardLine(
            String cardNo,
            String cardProduct,
            String medium,
            LocalDate issueDate,
            String cardStatus,
            String issueOrgId) {}

    /**
     * The live cards an org issued ({@code below}: with those of the orgs below it), on the last data date of a
     * period: one page of them (none when no date is held).
     */
    public record CardList(Org org, boolean below, @Nullable LocalDate on, PageOf<CardLine> cards) {}

    private record CardRow(
            String cardNo,
            String cardProduct,
            String medium,
            LocalDate issueDate,
            String cardStatus,
            String issueOrgId,
            long totalCards) {}

    /**
     * The drill-down below an org's figure: the live cards {@code orgId} issued ({@code below}: with those of the orgs
     * below it, as a subtotal counts them), on the last date the period holds. An org outside the scope is not found.
     */
    public CardList cardsOf(
            String orgId, boolean below, ChannelPeriod.Filter period, int page, int size, OrgScope scope) {
        Org org = reads.org(orgId, scope);
        ChannelReads.DataDates dates = reads.dataDates("channels/ebank_dates", period.from(), period.to());
        if (!dates.any()) {
            return new CardList(org, below, null, new PageOf<>(List.of(), page, size, 0));
        }
        List<CardRow> rows = warehouse
                .queries()
                .named("channels/cards_of_org")
                .bind("org_id", orgId)
                .bind("with_below", below ? "Y" : "N")
                .bind("on_date", dates.lastDate())
                .bind("page_size", size)
                .bind("page_offset", (long) (page - 1) * size)
                .within(OrgRows.of(scope))
                .list(CardRow.class);
        List<CardLine> lines = rows.stream()
                .map(r -> new CardLine(
                        Objects.requireNonNull(Masking.cardNo(r.cardNo())),
                        r.cardProduct(),
                        r.medium(),
                        r.issueDate(),
                        r.cardStatus(),
                        r.issueOrgId()))
                .toList();
        long total = rows.isEmpty() ? 0 : rows.get(0).totalCards();
        return new CardList(org, below, dates.lastDate(), new PageOf<>(lines, page, size, total));
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
