package org.ruralbank.channels;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.shared.Ratios;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
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
    private final ChannelReads reads;

    SubstitutionRates(Warehouse warehouse, ChannelReads reads) {
        this.warehouse = warehouse;
        this.reads = reads;
    }

    /** One org's counts and rate (per cent, null without transactions) for each month 1..12. */
    public record Row(
            String orgId, String orgName, long[] eChannel, long[] counter, BigDecimal[] rate, BigDecimal yearRate) {
        public BigDecimal rate(int month) {
            return rate[month - 1];
        }
    }

    /** The orgs' rows and the total over them. */
    public record View(int year, List<Row> rows, Row total) {}

    private record Count(String orgId, String orgName, int month, long eCount, long counter) {}

    public View of(int year, @Nullable String orgId, OrgScope scope) {
        OrgRows orgRows = reads.rows(orgId, scope);
        Map<String, long[][]> byOrg = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Count c : warehouse
                .queries()
                .named("channels/substitution_by_org_month")
                .between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .within(orgRows)
                .list(Count.class)) {
            names.put(c.orgId(), c.orgName());
            long[][] v = byOrg.computeIfAbsent(c.orgId(), k -> new long[2][12]);
            v[0][c.month() - 1] += c.eCount();
            v[1][c.month() - 1] += c.counter();
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
            rates[m] = Ratios.percent(BigDecimal.valueOf(e[m]), BigDecimal.valueOf(e[m] + c[m]));
            se += e[m];
            sc += c[m];
        }
        return new Row(id, name, e, c, rates, Ratios.percent(BigDecimal.valueOf(se), BigDecimal.valueOf(se + sc)));
    }
}
