package org.ruralbank.channels;

import static org.ruralbank.channels.WarehouseValues.count;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.warehouse.QueryResult;
import org.ruralbank.warehouse.Warehouse;
import org.ruralbank.warehouse.WarehouseEngine;
import org.springframework.stereotype.Service;

/**
 * Online and mobile banking month by month for a year and an org subtree within the user's scope, from
 * {@code mart.ebank_org_daily}: users at the month's last loaded date and signed in the month (personal, corporate,
 * mobile), active in the month (at least one successful transaction), and successful transfers by kind with their
 * amounts. Users count at their signing org.
 */
@Service
public class OnlineBankingFigures {

    private final Warehouse warehouse;
    private final Orgs orgs;

    OnlineBankingFigures(Warehouse warehouse, Orgs orgs) {
        this.warehouse = warehouse;
        this.orgs = orgs;
    }

    /** Users of one kind on the month's last data date: all, signed in the month, with a successful transaction in it. */
    public record Users(long total, long signed, long active) {
    }

    /** Successful transfers of one month by kind (intra-bank, inter-bank, rural-credit network 农信银); yuan. */
    public record Transfers(long intra, BigDecimal intraAmount, long inter, BigDecimal interAmount, long nxy,
            BigDecimal nxyAmount) {
        public long count() {
            return intra + inter + nxy;
        }

        public BigDecimal amount() {
            return intraAmount.add(interAmount).add(nxyAmount);
        }
    }

    /** One month: personal, corporate and mobile users; personal and corporate transfers; mobile transactions. */
    public record Month(int month, Users pnet, Users cnet, Users mob, Transfers pnetTransfers,
            Transfers cnetTransfers, long mobTransfers, BigDecimal mobAmount) {
    }

    public List<Month> of(int year, String orgId, OrgScope scope) {
        WarehouseEngine e = warehouse.engine();
        OrgScope.Condition c = OrgFilter.of(orgs, scope, "m.org_path", orgId);
        Map<String, Object> p = new LinkedHashMap<>(c.params());
        String where = c.sql();
        if (e.columns("mart", "ebank_org_daily").isEmpty()) {
            return List.of();
        }
        p.put("y0", LocalDate.of(year, 1, 1));
        p.put("y1", LocalDate.of(year, 12, 31));
        QueryResult r = e.query("""
                with month_end as (
                    select month(biz_date) as month, max(biz_date) as last_date from mart.ebank_org_daily
                     where biz_date between :y0 and :y1 group by month(biz_date)
                )
                select me.month,
                       cast(sum(case when m.biz_date = me.last_date then m.pnet_users else 0 end) as bigint) as pnet_users,
                       cast(sum(case when m.biz_date = me.last_date then m.pnet_new_ytd else 0 end) as bigint) as pnet_ytd,
                       cast(sum(case when m.biz_date = me.last_date then m.cnet_users else 0 end) as bigint) as cnet_users,
                       cast(sum(case when m.biz_date = me.last_date then m.cnet_new_ytd else 0 end) as bigint) as cnet_ytd,
                       cast(sum(case when m.biz_date = me.last_date then m.mob_users else 0 end) as bigint) as mob_users,
                       cast(sum(case when m.biz_date = me.last_date then m.mob_new_ytd else 0 end) as bigint) as mob_ytd,
                       cast(sum(case when m.biz_date = me.last_date then m.pnet_active_mtd else 0 end) as bigint) as pnet_active,
                       cast(sum(case when m.biz_date = me.last_date then m.cnet_active_mtd else 0 end) as bigint) as cnet_active,
                       cast(sum(case when m.biz_date = me.last_date then m.mob_active_mtd else 0 end) as bigint) as mob_active,
                       """ + TRANSFER_SUMS + """
                       cast(sum(m.mob_count) as bigint) as mob_transfers, cast(sum(m.mob_amount) as decimal(18, 2)) as mob_amount
                  from mart.ebank_org_daily m join month_end me on me.month = month(m.biz_date)
                 where m.biz_date between :y0 and :y1 and """ + where + """

                 group by me.month order by me.month""", p, 12);
        List<Month> months = new ArrayList<>();
        // new users are those signed this year on the month's last date less those of the month before, so the year's
        // first loaded month counts every sign-up of the year up to it
        long[] prev = new long[3];
        for (int i = 0; i < r.rows().size(); i++) {
            long[] ytd = {count(r.get(i, "pnet_ytd")), count(r.get(i, "cnet_ytd")), count(r.get(i, "mob_ytd"))};
            months.add(new Month((int) count(r.get(i, "month")),
                    new Users(count(r.get(i, "pnet_users")), ytd[0] - prev[0], count(r.get(i, "pnet_active"))),
                    new Users(count(r.get(i, "cnet_users")), ytd[1] - prev[1], count(r.get(i, "cnet_active"))),
                    new Users(count(r.get(i, "mob_users")), ytd[2] - prev[2], count(r.get(i, "mob_active"))),
                    transfers(r, i, "pnet"), transfers(r, i, "cnet"), count(r.get(i, "mob_transfers")),
                    (BigDecimal) r.get(i, "mob_amount")));
            prev = ytd;
        }
        return List.copyOf(months);
    }

    /** The mart's columns of personal and corporate transfers by kind: intra-bank, inter-bank, 农信银. */
    private static final List<String> TRANSFER_COLUMNS = List.of("pnet_intr", "pnet_inte", "pnet_nxy", "cnet_intr",
            "cnet_inte", "cnet_nxy");

    /** The month's sum of each count and amount of {@link #TRANSFER_COLUMNS}, under the mart's column names. */
    private static final String TRANSFER_SUMS = TRANSFER_COLUMNS.stream()
            .map(c -> "cast(sum(m.%1$s_count) as bigint) as %1$s_count, cast(sum(m.%1$s_amount) as decimal(18, 2)) "
                    .formatted(c) + "as " + c + "_amount,")
            .collect(Collectors.joining("\n"));

    private static Transfers transfers(QueryResult r, int i, String channel) {
        return new Transfers(count(r.get(i, channel + "_intr_count")), (BigDecimal) r.get(i, channel + "_intr_amount"),
                count(r.get(i, channel + "_inte_count")), (BigDecimal) r.get(i, channel + "_inte_amount"),
                count(r.get(i, channel + "_nxy_count")), (BigDecimal) r.get(i, channel + "_nxy_amount"));
    }

}
