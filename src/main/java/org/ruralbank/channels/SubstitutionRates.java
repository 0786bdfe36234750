package org.ruralbank.channels;

import static org.ruralbank.channels.WarehouseValues.count;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.warehouse.QueryResult;
import org.ruralbank.warehouse.Warehouse;
import org.ruralbank.warehouse.WarehouseEngine;
import org.springframework.stereotype.Service;

/**
 * The e-channel substitution rate (电子银行综合替代率) per org and month of a year: transactions through online and
 * mobile banking, ATMs, POS and village terminals as a share of those plus counter transactions, reversals excluded
 * (batch payouts and other channels are neither), from {@code mart.channel_org_daily}, by the org where the
 * transaction was booked.
 */
@Service
public class SubstitutionRates {

    private final Warehouse warehouse;
    private final Orgs orgs;

    SubstitutionRates(Warehouse warehouse, Orgs orgs) {
        this.warehouse = warehouse;
        this.orgs = orgs;
    }

    /** One org's counts and rate (per cent, null without transactions) for each month 1..12. */
    public record Row(String orgId, String orgName, long[] eChannel, long[] counter, BigDecimal[] rate,
            BigDecimal yearRate) {
        public BigDecimal rate(int month) {
            return rate[month - 1];
        }
    }

    /** The orgs' rows and the total over them. */
    public record View(int year, List<Row> rows, Row total) {
    }

    public View of(int year, String orgId, OrgScope scope) {
        WarehouseEngine e = warehouse.engine();
        OrgScope.Condition c = OrgFilter.of(orgs, scope, "m.org_path", orgId);
        Map<String, Object> p = new LinkedHashMap<>(c.params());
        String where = c.sql();
        if (e.columns("mart", "channel_org_daily").isEmpty()) {
            return new View(year, List.of(), row(null, "合计", new long[12], new long[12]));
        }
        p.put("y0", java.time.LocalDate.of(year, 1, 1));
        p.put("y1", java.time.LocalDate.of(year, 12, 31));
        QueryResult r = e.query("""
                with names as (
                    select d.org_id, d.org_name from dw.dim_org d
                     where d.valid_to = (select max(x.valid_to) from dw.dim_org x where x.org_id = d.org_id)
                ),
                counts as (
                    select m.org_id, min(m.org_path) as org_path, month(m.biz_date) as month,
                           cast(sum(case when m.e_channel then m.txn_count else 0 end) as bigint) as e_count,
                           cast(sum(case when m.channel = 'CNT' then m.txn_count else 0 end) as bigint) as counter
                      from mart.channel_org_daily m
                     where m.biz_date between :y0 and :y1 and """ + where + """

                     group by m.org_id, month(m.biz_date)
                )
                select c.*, (select max(n.org_name) from names n where n.org_id = c.org_id) as org_name
                  from counts c order by c.org_path, c.org_id, c.month""", p, 100_000);
        Map<String, long[][]> byOrg = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < r.rows().size(); i++) {
            String id = (String) r.get(i, "org_id");
            names.put(id, (String) r.get(i, "org_name"));
            long[][] v = byOrg.computeIfAbsent(id, k -> new long[2][12]);
            int m = (int) count(r.get(i, "month")) - 1;
            v[0][m] += count(r.get(i, "e_count"));
            v[1][m] += count(r.get(i, "counter"));
        }
        List<Row> rows = new ArrayList<>();
        long[] te = new long[12];
        long[] tc = new long[12];
        byOrg.forEach((id, v) -> {
            rows.add(row(id, names.get(id), v[0], v[1]));
            for (int m = 0; m < 12; m++) {
                te[m] += v[0][m];
                tc[m] += v[1][m];
            }
        });
        return new View(year, List.copyOf(rows), row(null, "合计", te, tc));
    }

    private static Row row(String id, String name, long[] e, long[] c) {
        BigDecimal[] rates = new BigDecimal[12];
        long se = 0;
        long sc = 0;
        for (int m = 0; m < 12; m++) {
            rates[m] = AnnualReport.pct(BigDecimal.valueOf(e[m]), BigDecimal.valueOf(e[m] + c[m]));
            se += e[m];
            sc += c[m];
        }
        return new Row(id, name, e, c, rates, AnnualReport.pct(BigDecimal.valueOf(se), BigDecimal.valueOf(se + sc)));
    }

}
