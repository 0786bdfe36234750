package org.ruralbank.channels;

import static org.ruralbank.channels.WarehouseValues.count;
import static org.ruralbank.channels.WarehouseValues.date;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
 * POS merchants over a period for an org subtree within the user's scope, from {@code mart.merchant_daily}: each
 * merchant's sales, fees and effective discount rate against its signed rate, how long it has slept, and the risk
 * checklist (no site photos, no signed training record), and the sales {@code mart.pos_alert_daily} flagged for review.
 */
@Service
public class MerchantFigures {

    /** The lowest standard discount rate; signed rates below it are negotiated (自主定价). */
    public static final BigDecimal STANDARD_MDR = new BigDecimal("0.0038");

    private final Warehouse warehouse;
    private final Orgs orgs;

    MerchantFigures(Warehouse warehouse, Orgs orgs) {
        this.warehouse = warehouse;
        this.orgs = orgs;
    }

    /**
     * One merchant: {@code txns} its successful transactions (refunds included); {@code sleepingDays} since its last
     * successful sale up to the period's end, or since signing if it never sold (a failed sale or a refund does not
     * wake a merchant); rates as fractions; the effective rate is fees ÷ sales, null without sales.
     */
    public record Merchant(String merchantId, String name, String orgId, String status, LocalDate signDate,
            boolean sitePhoto, boolean trained, BigDecimal mdr, long txns, BigDecimal sales, BigDecimal fees,
            BigDecimal effectiveMdr, Long sleepingDays) {
        public boolean negotiated() {
            return mdr != null && mdr.compareTo(STANDARD_MDR) < 0;
        }

        /**
         * What the bank pays for a negotiated rate (自主定价): the difference to the standard rate on the period's
         * sales, in yuan rounded half-up to the fen; zero at or above the standard rate.
         */
        public BigDecimal rateSubsidy() {
            return negotiated() ? sales.multiply(STANDARD_MDR.subtract(mdr)).setScale(2, AnnualReport.ROUNDING)
                    : BigDecimal.ZERO.setScale(2);
        }

        public boolean risky() {
            return !sitePhoto || !trained;
        }
    }

    /** Counts of the period: merchants at its start, signed in it, closed at its end, with a successful sale in it. */
    public record Summary(long start, long signed, long closed, long active, long sleeping30, long sleeping90,
            long risky, long txns, BigDecimal sales, BigDecimal fees) {
    }

    /** A POS sale a rule flagged for review: ROUND, BURST or NIGHT. */
    public record Alert(LocalDate date, String rule, String txnSeq, String merchantId, String merchantName,
            String orgId, String time, String cardNo, String cardType, BigDecimal amount) {
    }

    /** At most this many alerts are listed on the page, the latest first. */
    public static final int ALERTS_SHOWN = 500;

    public record View(CardFigures.Filter filter, LocalDate from, LocalDate to, Summary summary,
            List<Merchant> merchants, List<Alert> alerts) {
        public boolean hasData() {
            return to != null;
        }
    }

    public View of(CardFigures.Filter filter, OrgScope scope) {
        WarehouseEngine e = warehouse.engine();
        OrgScope.Condition c = OrgFilter.of(orgs, scope, "m.org_path", filter.orgId());
        Map<String, Object> p = new LinkedHashMap<>(c.params());
        String where = c.sql();
        if (e.columns("mart", "merchant_daily").isEmpty()) {
            return new View(filter, null, null, null, List.of(), List.of());
        }
        p.put("f", filter.from());
        p.put("t", filter.to());
        QueryResult span = e.query("select min(biz_date) f, max(biz_date) t from mart.merchant_daily "
                + "where biz_date between :f and :t", p, 1);
        if (span.rows().isEmpty() || span.get(0, "t") == null) {
            return new View(filter, null, null, null, List.of(), List.of());
        }
        LocalDate from = date(span.get(0, "f"));
        LocalDate to = date(span.get(0, "t"));
        p.put("f", from);
        p.put("t", to);
        // A day with a successful sale is a day with a positive sale amount: the delivery's amounts are positive, and
        // the transaction count also holds refunds, which do not show that a merchant still trades.
        QueryResult r = e.query("""
                with info as (
                    select merchant_id, sign_date from dw.dim_merchant where valid_from <= :t and valid_to >= :t
                ),
                last_sale as (
                    select m.merchant_id, max(m.biz_date) as last_date from mart.merchant_daily m
                     where m.biz_date <= :t and m.sale_amount > 0 and """ + where + """

                     group by m.merchant_id
                ),
                per_merchant as (
                    select m.merchant_id, max(case when m.biz_date = :t then m.merchant_name end) as name,
                           max(m.org_id) as org_id, max(case when m.biz_date = :t then m.status end) as status,
                           max(case when m.biz_date = :t then m.site_photo end) as site_photo,
                           max(case when m.biz_date = :t then m.trained end) as trained,
                           max(case when m.biz_date = :t then m.mdr end) as mdr,
                           cast(sum(m.txn_count) as bigint) as txns, cast(sum(m.sale_amount) as decimal(18, 2)) as sales,
                           cast(sum(m.mdr_fee) as decimal(18, 2)) as fees
                      from mart.merchant_daily m
                     where m.biz_date between :f and :t and """ + where + """

                     group by m.merchant_id
                )
                select pm.*, i.sign_date, l.last_date
                  from per_merchant pm left join info i on i.merchant_id = pm.merchant_id
                  left join last_sale l on l.merchant_id = pm.merchant_id
                 order by pm.org_id, pm.merchant_id""", p, 100_000);
        List<Merchant> merchants = new ArrayList<>();
        long start = 0, signed = 0, closed = 0, active = 0, s30 = 0, s90 = 0, risky = 0, txns = 0;
        BigDecimal sales = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (int i = 0; i < r.rows().size(); i++) {
            LocalDate signDate = r.get(i, "sign_date") == null ? null : date(r.get(i, "sign_date"));
            LocalDate last = r.get(i, "last_date") == null ? null : date(r.get(i, "last_date"));
            BigDecimal sale = (BigDecimal) r.get(i, "sales");
            BigDecimal fee = (BigDecimal) r.get(i, "fees");
            Long sleeping = last != null ? ChronoUnit.DAYS.between(last, to)
                    : signDate != null ? ChronoUnit.DAYS.between(signDate, to) : null;
            Merchant m = new Merchant((String) r.get(i, "merchant_id"), (String) r.get(i, "name"),
                    (String) r.get(i, "org_id"), (String) r.get(i, "status"), signDate,
                    "Y".equals(r.get(i, "site_photo")), "Y".equals(r.get(i, "trained")), (BigDecimal) r.get(i, "mdr"),
                    count(r.get(i, "txns")), sale, fee,
                    sale.signum() == 0 ? null : fee.divide(sale, 6, AnnualReport.ROUNDING), sleeping);
            merchants.add(m);
            start += signDate != null && signDate.isBefore(from) ? 1 : 0;
            signed += signDate != null && !signDate.isBefore(from) ? 1 : 0;
            closed += "C".equals(m.status()) ? 1 : 0;
            active += sale.signum() > 0 ? 1 : 0;
            s30 += sleeping != null && sleeping >= 30 ? 1 : 0;
            s90 += sleeping != null && sleeping >= 90 ? 1 : 0;
            risky += m.risky() ? 1 : 0;
            txns += m.txns();
            sales = sales.add(sale);
            fees = fees.add(fee);
        }
        return new View(filter, from, to, new Summary(start, signed, closed, active, s30, s90, risky, txns, sales,
                fees), List.copyOf(merchants), alerts(e, where, p));
    }

    private static List<Alert> alerts(WarehouseEngine e, String where, Map<String, Object> p) {
        if (e.columns("mart", "pos_alert_daily").isEmpty()) {
            return List.of();
        }
        QueryResult r = e.query("select m.biz_date, m.rule, m.pos_txn_seq, m.merchant_id, m.merchant_name, m.org_id, "
                + "cast(m.txn_time as varchar) as txn_time, m.card_no, m.card_type, m.amount "
                + "from mart.pos_alert_daily m where m.biz_date between :f and :t and " + where
                + " order by m.biz_date desc, m.txn_time desc, m.rule", p, ALERTS_SHOWN);
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < r.rows().size(); i++) {
            alerts.add(new Alert(date(r.get(i, "biz_date")), (String) r.get(i, "rule"), (String) r.get(i, "pos_txn_seq"),
                    (String) r.get(i, "merchant_id"), (String) r.get(i, "merchant_name"), (String) r.get(i, "org_id"),
                    (String) r.get(i, "txn_time"), (String) r.get(i, "card_no"), (String) r.get(i, "card_type"),
                    (BigDecimal) r.get(i, "amount")));
        }
        return List.copyOf(alerts);
    }


}
