package org.ruralbank.channels;

import static org.ruralbank.channels.WarehouseValues.count;

import java.math.BigDecimal;
import java.time.LocalDate;
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
 * The monthly statement of the village terminals (金农便民宝): per terminal, its village and host shop, transactions,
 * successful ones, their amount and the shopkeeper's commission of {@link AnnualReport#COMMISSION_PER_TXN} yuan per successful transaction,
 * from {@code mart.device_daily}. A terminal without a transaction in the month is listed as sleeping.
 */
@Service
public class VillageStatements {

    private final Warehouse warehouse;
    private final Orgs orgs;

    VillageStatements(Warehouse warehouse, Orgs orgs) {
        this.warehouse = warehouse;
        this.orgs = orgs;
    }

    /** One terminal's month; {@code amount} (of successful transactions) and {@code commission} in yuan. */
    public record Line(String deviceId, String orgId, String location, String merchantId, String shop, long txns,
            long successful, BigDecimal amount, BigDecimal commission) {
        public boolean sleeping() {
            return txns == 0;
        }
    }

    public record Statement(int year, int month, LocalDate from, LocalDate to, List<Line> lines, long successful,
            BigDecimal amount, BigDecimal commission) {
        public boolean hasData() {
            return to != null;
        }
    }

    public Statement of(int year, int month, String orgId, OrgScope scope) {
        WarehouseEngine e = warehouse.engine();
        OrgScope.Condition c = OrgFilter.of(orgs, scope, "m.org_path", orgId);
        Map<String, Object> p = new LinkedHashMap<>(c.params());
        String where = c.sql();
        LocalDate first = LocalDate.of(year, month, 1);
        if (e.columns("mart", "device_daily").isEmpty()) {
            return empty(year, month);
        }
        p.put("f", first);
        p.put("t", first.plusMonths(1).minusDays(1));
        QueryResult span = e.query("select min(biz_date) f, max(biz_date) t from mart.device_daily "
                + "where biz_date between :f and :t", p, 1);
        if (span.rows().isEmpty() || span.get(0, "t") == null) {
            return empty(year, month);
        }
        LocalDate from = LocalDate.parse(span.get(0, "f").toString().substring(0, 10));
        LocalDate to = LocalDate.parse(span.get(0, "t").toString().substring(0, 10));
        p.put("f", from);
        p.put("t", to);
        QueryResult r = e.query("""
                with info as (
                    select device_id, location, merchant_id from dw.dim_device where valid_from <= :t and valid_to >= :t
                ),
                shops as (
                    select merchant_id, merchant_name from dw.dim_merchant where valid_from <= :t and valid_to >= :t
                ),
                per_terminal as (
                    select m.device_id, max(m.org_id) as org_id, cast(sum(m.txn_count) as bigint) as txns,
                           cast(sum(m.txn_count - m.failures) as bigint) as successful,
                           cast(sum(m.amount) as decimal(18, 2)) as amount
                      from mart.device_daily m
                     where m.biz_date between :f and :t and m.device_type = 'BMB' and """ + where + """

                     group by m.device_id
                )
                select t.*, i.location, i.merchant_id, s.merchant_name
                  from per_terminal t left join info i on i.device_id = t.device_id
                  left join shops s on s.merchant_id = i.merchant_id
                 order by t.org_id, t.device_id""", p, 100_000);
        List<Line> lines = new ArrayList<>();
        long successful = 0;
        BigDecimal amount = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < r.rows().size(); i++) {
            long ok = count(r.get(i, "successful"));
            BigDecimal a = (BigDecimal) r.get(i, "amount");
            successful += ok;
            amount = amount.add(a);
            lines.add(new Line((String) r.get(i, "device_id"), (String) r.get(i, "org_id"),
                    (String) r.get(i, "location"), (String) r.get(i, "merchant_id"), (String) r.get(i, "merchant_name"),
                    count(r.get(i, "txns")), ok, a, commission(ok)));
        }
        return new Statement(year, month, from, to, List.copyOf(lines), successful, amount, commission(successful));
    }

    private static Statement empty(int year, int month) {
        return new Statement(year, month, null, null, List.of(), 0, BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2));
    }

    private static BigDecimal commission(long successful) {
        return AnnualReport.COMMISSION_PER_TXN.multiply(BigDecimal.valueOf(successful))
                .setScale(2, AnnualReport.ROUNDING);
    }

}
