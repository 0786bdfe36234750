package org.ruralbank.channels;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.shared.Money;
import org.ruralbank.shared.Ratios;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.ruralbank.warehouse.WarehouseQueries;
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
    private final ChannelReads reads;

    MerchantFigures(Warehouse warehouse, ChannelReads reads) {
        this.warehouse = warehouse;
        this.reads = reads;
    }

    /**
     * One merchant: {@code txns} its successful transactions (refunds included); {@code sleepingDays} since its last
     * successful sale up to the period's end, or since signing if it never sold (a failed sale or a refund does not
     * wake a merchant); rates as fractions; the effective rate is fees ÷ sales, null without sales.
     */
    public record Merchant(
            String merchantId,
            String name,
            String orgId,
            String status,
            LocalDate signDate,
            boolean sitePhoto,
            boolean trained,
            BigDecimal mdr,
            long txns,
            BigDecimal sales,
            BigDecimal fees,
            BigDecimal effectiveMdr,
            Long sleepingDays) {
        public boolean negotiated() {
            return mdr != null && mdr.compareTo(STANDARD_MDR) < 0;
        }

        /**
         * What the bank pays for a negotiated rate (自主定价): the difference to the standard rate on the period's
         * sales, in yuan rounded half-up to the fen; zero at or above the standard rate.
         */
        public BigDecimal rateSubsidy() {
            return negotiated()
                    ? Money.ofYuan(sales).times(STANDARD_MDR.subtract(mdr)).yuan()
                    : BigDecimal.ZERO.setScale(2);
        }

        public boolean risky() {
            return !sitePhoto || !trained;
        }
    }

    /** Counts of the period: merchants at its start, signed in it, closed at its end, with a successful sale in it. */
    public record Summary(
            long start,
            long signed,
            long closed,
            long active,
            long sleeping30,
            long sleeping90,
            long risky,
            long txns,
            BigDecimal sales,
            BigDecimal fees) {}

    /** A POS sale a rule flagged for review: ROUND, BURST or NIGHT. */
    public record Alert(
            LocalDate date,
            String rule,
            String txnSeq,
            String merchantId,
            String merchantName,
            String orgId,
            String time,
            String cardNo,
            String cardType,
            BigDecimal amount) {}

    /** At most this many alerts are listed on the page, the latest first. */
    public static final int ALERTS_SHOWN = 500;

    /** The page's content; {@code to} and {@code summary} are null when the warehouse has no date in the period. */
    public record View(
            ChannelPeriod.Filter filter,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable Summary summary,
            List<Merchant> merchants,
            List<Alert> alerts) {
        public boolean hasData() {
            return to != null;
        }
    }

    private record MerchantRow(
            String merchantId,
            String name,
            String orgId,
            String status,
            LocalDate signDate,
            String sitePhoto,
            String trained,
            BigDecimal mdr,
            long txns,
            BigDecimal sales,
            BigDecimal fees,
            LocalDate lastDate) {}

    private record AlertRow(
            LocalDate bizDate,
            String rule,
            String posTxnSeq,
            String merchantId,
            String merchantName,
            String orgId,
            String txnTime,
            String cardNo,
            String cardType,
            BigDecimal amount) {
        Alert alert() {
            return new Alert(
                    bizDate, rule, posTxnSeq, merchantId, merchantName, orgId, txnTime, cardNo, cardType, amount);
        }
    }

    public View of(ChannelPeriod.Filter filter, OrgScope scope) {
        OrgRows rows = reads.rows(filter.orgId(), scope);
        ChannelReads.DataDates dates = reads.dataDates("channels/merchant_dates", filter.from(), filter.to());
        if (!dates.any()) {
            return new View(filter, null, null, null, List.of(), List.of());
        }
        LocalDate from = dates.firstDate();
        LocalDate to = dates.lastDate();
        WarehouseQueries queries = warehouse.queries();
        List<Merchant> merchants = new ArrayList<>();
        long start = 0, signed = 0, closed = 0, active = 0, s30 = 0, s90 = 0, risky = 0, txns = 0;
        BigDecimal sales = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (MerchantRow r : queries.named("channels/merchants_by_merchant")
                .between(from, to)
                .within(rows)
                .list(MerchantRow.class)) {
            LocalDate signDate = r.signDate();
            LocalDate last = r.lastDate();
            BigDecimal sale = r.sales();
            BigDecimal fee = r.fees();
            Long sleeping = last != null
                    ? ChronoUnit.DAYS.between(last, to)
                    : signDate != null ? ChronoUnit.DAYS.between(signDate, to) : null;
            Merchant m = new Merchant(
                    r.merchantId(),
                    r.name(),
                    r.orgId(),
                    r.status(),
                    signDate,
                    "Y".equals(r.sitePhoto()),
                    "Y".equals(r.trained()),
                    r.mdr(),
                    r.txns(),
                    sale,
                    fee,
                    Ratios.ratio(fee, sale, 6),
                    sleeping);
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
        List<Alert> alerts = queries
                .named("channels/pos_alerts")
                .between(from, to)
                .bind("alerts_shown", ALERTS_SHOWN)
                .within(rows)
                .list(AlertRow.class)
                .stream()
                .map(AlertRow::alert)
                .toList();
        return new View(
                filter,
                from,
                to,
                new Summary(start, signed, closed, active, s30, s90, risky, txns, sales, fees),
                List.copyOf(merchants),
                alerts);
    }
}
