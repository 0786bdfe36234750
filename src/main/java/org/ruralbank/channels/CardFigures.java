package org.ruralbank.channels;

import static org.ruralbank.channels.WarehouseValues.count;
import static org.ruralbank.channels.WarehouseValues.date;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.warehouse.QueryResult;
import org.ruralbank.warehouse.Warehouse;
import org.ruralbank.warehouse.WarehouseEngine;
import org.springframework.stereotype.Service;

/**
 * The debit-card figures of a period for an org subtree within the user's scope: per org, by product and medium,
 * and month by month (new cards, chip migration), from {@code mart.ebank_org_daily} and {@code mart.card_org_daily}.
 * Stocks are those of the period's last built date; new cards are summed over the period.
 */
@Service
public class CardFigures {

    private final Warehouse warehouse;
    private final Orgs orgs;

    CardFigures(Warehouse warehouse, Orgs orgs) {
        this.warehouse = warehouse;
        this.orgs = orgs;
    }

    /**
     * A period and an org subtree: {@code orgId} null for everything within the scope.
     */
    public record Filter(String orgId, LocalDate from, LocalDate to) {
    }

    /** One org's cards at the period's end and its new cards in the period. */
    public record OrgCards(String orgId, String orgName, long cards, long newCards, long cancelled, long chip,
            long dormant, BigDecimal balance, BigDecimal balancePerCard, long sms, BigDecimal smsSharePct) {
    }

    /** Cards of one product and medium (live, not cancelled) at the period's end. */
    public record ProductCards(String product, String medium, long cards, long newCards) {
    }

    /** One month: new cards issued, live chip and magnetic cards at the month's last built date. */
    public record Month(String month, long newCards, long chip, long magnetic) {
    }

    /** The page's content; {@code to} is null when the warehouse has no date in the period. */
    public record View(Filter filter, LocalDate from, LocalDate to, OrgCards total, List<OrgCards> orgs,
            List<ProductCards> products, List<Month> months) {
        public boolean hasData() {
            return to != null;
        }
    }

    /** The last date the warehouse holds, or null when it is empty. */
    public LocalDate lastDate() {
        WarehouseEngine e = warehouse.engine();
        if (e.columns("mart", "ebank_org_daily").isEmpty()) {
            return null;
        }
        QueryResult r = e.query("select max(biz_date) from mart.ebank_org_daily", 1);
        return r.rows().isEmpty() || r.rows().get(0).get(0) == null ? null : date(r.rows().get(0).get(0));
    }

    /** The orgs the filter may choose: those within the scope. */
    public List<Org> choices(OrgScope scope) {
        return orgs.list(scope);
    }

    public View of(Filter filter, OrgScope scope) {
        WarehouseEngine e = warehouse.engine();
        OrgScope.Condition c = OrgFilter.of(orgs, scope, "m.org_path", filter.orgId());
        Map<String, Object> p = new LinkedHashMap<>(c.params());
        String where = c.sql();
        if (e.columns("mart", "ebank_org_daily").isEmpty()) {
            return new View(filter, null, null, null, List.of(), List.of(), List.of());
        }
        p.put("f", filter.from());
        p.put("t", filter.to());
        QueryResult span = e.query("select min(biz_date) f, max(biz_date) t from mart.ebank_org_daily "
                + "where biz_date between :f and :t", p, 1);
        if (span.rows().isEmpty() || span.get(0, "t") == null) {
            return new View(filter, null, null, null, List.of(), List.of(), List.of());
        }
        LocalDate from = date(span.get(0, "f"));
        LocalDate to = date(span.get(0, "t"));
        p.put("f", from);
        p.put("t", to);
        String perOrg = """
                with names as (
                    select org_id, org_name from dw.dim_org where valid_from <= :t and valid_to >= :t
                ),
                figures as (
                    select m.org_id, min(m.org_path) as org_path,
                           cast(sum(case when m.biz_date = :t then m.cards else 0 end) as bigint) as cards,
                           cast(sum(m.new_cards) as bigint) as new_cards,
                           cast(sum(case when m.biz_date = :t then m.cancelled_cards else 0 end) as bigint) as cancelled,
                           cast(sum(case when m.biz_date = :t then m.chip_cards else 0 end) as bigint) as chip,
                           cast(sum(case when m.biz_date = :t then m.dormant_cards else 0 end) as bigint) as dormant,
                           cast(sum(case when m.biz_date = :t then m.card_balance else 0 end) as decimal(18, 2)) as balance,
                           cast(sum(case when m.biz_date = :t then m.sms_users else 0 end) as bigint) as sms
                      from mart.ebank_org_daily m
                     where m.biz_date between :f and :t and """ + where + """

                     group by m.org_id
                )
                select f.*, n.org_name from figures f left join names n on n.org_id = f.org_id
                 order by f.org_path, f.org_id""";
        QueryResult r = e.query(perOrg, p, 10_000);
        List<OrgCards> rows = new ArrayList<>();
        long[] sum = new long[6];
        BigDecimal balance = BigDecimal.ZERO;
        for (int i = 0; i < r.rows().size(); i++) {
            OrgCards o = orgCards((String) r.get(i, "org_id"), (String) r.get(i, "org_name"), count(r.get(i, "cards")),
                    count(r.get(i, "new_cards")), count(r.get(i, "cancelled")), count(r.get(i, "chip")), count(r.get(i, "dormant")),
                    (BigDecimal) r.get(i, "balance"), count(r.get(i, "sms")));
            rows.add(o);
            sum[0] += o.cards();
            sum[1] += o.newCards();
            sum[2] += o.cancelled();
            sum[3] += o.chip();
            sum[4] += o.dormant();
            sum[5] += o.sms();
            balance = balance.add(o.balance());
        }
        OrgCards total = orgCards(null, "合计", sum[0], sum[1], sum[2], sum[3], sum[4], balance, sum[5]);
        QueryResult pr = e.query("""
                select m.card_product, m.medium,
                       cast(sum(case when m.biz_date = :t and m.card_status <> 'C' then m.cards else 0 end) as bigint) as cards,
                       cast(sum(m.new_cards) as bigint) as new_cards
                  from mart.card_org_daily m
                 where m.biz_date between :f and :t and """ + where + """

                 group by 1, 2 order by 1, 2""", p, 100);
        List<ProductCards> products = new ArrayList<>();
        for (int i = 0; i < pr.rows().size(); i++) {
            products.add(new ProductCards((String) pr.get(i, "card_product"), (String) pr.get(i, "medium"),
                    count(pr.get(i, "cards")), count(pr.get(i, "new_cards"))));
        }
        QueryResult mr = e.query("""
                with month_end as (
                    select year(biz_date) * 100 + month(biz_date) as month, max(biz_date) as last_date
                      from mart.ebank_org_daily where biz_date between :f and :t group by 1
                )
                select me.month,
                       cast(sum(m.new_cards) as bigint) as new_cards,
                       cast(sum(case when m.biz_date = me.last_date then m.chip_cards else 0 end) as bigint) as chip,
                       cast(sum(case when m.biz_date = me.last_date then m.cards - m.chip_cards else 0 end) as bigint)
                           as magnetic
                  from mart.ebank_org_daily m join month_end me on me.month = year(m.biz_date) * 100 + month(m.biz_date)
                 where m.biz_date between :f and :t and """ + where + """

                 group by me.month order by me.month""", p, 1000);
        List<Month> months = new ArrayList<>();
        for (int i = 0; i < mr.rows().size(); i++) {
            long ym = count(mr.get(i, "month"));
            months.add(new Month(String.format("%d-%02d", ym / 100, ym % 100), count(mr.get(i, "new_cards")), count(mr.get(i, "chip")),
                    count(mr.get(i, "magnetic"))));
        }
        return new View(filter, from, to, total, List.copyOf(rows), List.copyOf(products), List.copyOf(months));
    }

    private static OrgCards orgCards(String id, String name, long cards, long newCards, long cancelled, long chip,
            long dormant, BigDecimal balance, long sms) {
        BigDecimal perCard = cards == 0 ? null
                : balance.divide(BigDecimal.valueOf(cards), 2, AnnualReport.ROUNDING);
        return new OrgCards(id, name, cards, newCards, cancelled, chip, dormant, balance, perCard, sms,
                AnnualReport.pct(BigDecimal.valueOf(sms), BigDecimal.valueOf(cards)));
    }


}
