package org.ruralbank.points;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.points.PointsLedger.Outcome;
import org.ruralbank.points.PointsLedger.Transfer;
import org.ruralbank.points.internal.JdbcRules;
import org.ruralbank.points.internal.JdbcRules.Accrued;
import org.ruralbank.shared.Money;
import org.ruralbank.warehouse.DatePublished;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accrual (积分计积): what customers earn on a loaded date by the rules in force on it, posted on the points ledger.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>a date earns once: each customer's earning by a rule on a date is a row keyed by (date, rule, customer) and
 *       a ledger transfer with an id made of them, so a second run of the date posts nothing;</li>
 *   <li>a redelivered date is corrected: what differs from the earlier run is reversed (a new transfer) and posted
 *       again under the next revision; a customer who earned before and not now has the earning reversed; the
 *       differences are reported;</li>
 *   <li>each customer's earning, its journal row and its ledger transfer commit together, in transactions of up to
 *       {@value #CHUNK} customers of a rule (one commit per earning made a month of the {@code seed} bank cost
 *       minutes), so a run stopped halfway resumes where it stopped; a refused posting rolls back its chunk and
 *       stops the run. A redemption of a customer of the chunk being posted waits for its commit;</li>
 *   <li>daily rules are evaluated on every date, monthly rules on the last day of the month over the whole month;
 *       a rule's monthly cap counts the customer's earnings by the rule's code in that month's other dates (a
 *       redelivered earlier date does not recompute the later dates' caps);</li>
 *   <li>a campaign in force on the date multiplies a customer's points by rule before the cap (the highest
 *       multiplier of the campaigns that apply, rounded down: {@link Campaign});</li>
 *   <li>points expire at the end of the year after the one they were earned in; the date's run expires the lots
 *       that expired before it.</li>
 * </ul>
 * Runs after each published date (the server), and by {@code ruralbank points accrue}.
 */
@Service
public class Accrual {

    private static final Logger log = LoggerFactory.getLogger(Accrual.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Warehouse warehouse;
    private final EarningRules rules;
    private final Campaigns campaigns;
    private final JdbcRules store;
    private final PointsLedger ledger;
    private final AuditLog audit;
    private final TransactionTemplate eachEarning;

    Accrual(
            Warehouse warehouse,
            EarningRules rules,
            Campaigns campaigns,
            JdbcRules store,
            PointsLedger ledger,
            AuditLog audit,
            PlatformTransactionManager transactions) {
        this.warehouse = warehouse;
        this.rules = rules;
        this.campaigns = campaigns;
        this.store = store;
        this.ledger = ledger;
        this.audit = audit;
        this.eachEarning = new TransactionTemplate(transactions);
    }

    /** A date's run: customers who earned, points earned and reversed, points expired, corrections made. */
    public record Result(
            LocalDate date, int customers, long earned, long reversed, long expired, List<Correction> corrections) {}

    /** A redelivered date's change of one customer's earning by one rule. */
    public record Correction(String custId, String ruleCode, long before, long after) {}

    /** What a daily rule reads of a customer on a date. */
    record DailyBasis(
            String custId,
            String orgPath,
            BigDecimal posSpend,
            BigDecimal payrollIn,
            long onTimeRepayments,
            long ebankSignups,
            BigDecimal depositBalance) {

        long of(RuleKind kind) {
            return switch (kind) {
                case POS_SPEND -> Money.fenOf(posSpend);
                case PAYROLL -> Money.fenOf(payrollIn);
                case LOAN_REPAY -> onTimeRepayments;
                case EBANK_SIGN -> ebankSignups;
                case DEPOSIT_AVG -> throw new IllegalArgumentException("a monthly rule");
            };
        }
    }

    record MonthAverage(String custId, String orgPath, BigDecimal averageBalance) {}

    record LoadedDate(LocalDate bizDate) {}

    /** One customer's basis for one rule, and the deposits a campaign's tier compares. */
    private record Basis(String custId, String orgPath, long amount, long depositFen) {}

    /** After each published date, when rules are in force (an accrual that fails leaves the load as it is). */
    @EventListener
    void onPublished(DatePublished published) {
        if (rules.inForce(published.businessDate()).isEmpty()) {
            return;
        }
        try {
            Result r = accrue(published.businessDate());
            log.info(
                    "points of {}: {} customers earned {}, {} reversed, {} expired",
                    r.date(),
                    r.customers(),
                    r.earned(),
                    r.reversed(),
                    r.expired());
        } catch (RuntimeException e) {
            log.error("points of {} not accrued: {}", published.businessDate(), e.toString(), e);
        }
    }

    /** Accrues every loaded date up to {@code through} not accrued yet, in date order. */
    public List<Result> accrueThrough(LocalDate through) {
        Set<LocalDate> done = new HashSet<>(store.accruedDates());
        List<Result> results = new ArrayList<>();
        for (LoadedDate d : warehouse
                .queries()
                .named("points/loaded_dates")
                .bind("to_date", through)
                .list(LoadedDate.class)) {
            if (!done.contains(d.bizDate())) {
                results.add(accrue(d.bizDate()));
            }
        }
        return results;
    }

    /** How many customers' earnings by a rule commit together. */
    static final int CHUNK = 200;

    /** Accrues one date (again): see the guarantees. */
    public Result accrue(LocalDate date) {
        long earned = 0;
        long reversed = 0;
        Set<String> customers = new HashSet<>();
        List<Correction> corrections = new ArrayList<>();
        List<Campaign> campaigns = this.campaigns.inForce(date);
        for (Rule rule : rules.inForce(date)) {
            // in customer order, which is the ledger's account-number order: a chunk takes its customers' rows in
            // the order every other writer takes them (a household's accounts in one sorted statement)
            List<Basis> basis = new ArrayList<>(basis(rule, date));
            basis.sort(java.util.Comparator.comparing(Basis::custId));
            Set<String> seen = new HashSet<>();
            for (int from = 0; from < basis.size(); from += CHUNK) {
                List<Basis> chunk = basis.subList(from, Math.min(basis.size(), from + CHUNK));
                List<Change> changes = eachEarning.execute(s -> {
                    List<Change> done = new ArrayList<>(chunk.size());
                    for (Basis b : chunk) {
                        done.add(earn(rule, date, campaigns, b));
                    }
                    return done;
                });
                for (int i = 0; i < chunk.size(); i++) {
                    Basis b = chunk.get(i);
                    seen.add(b.custId());
                    Change c = changes == null ? null : changes.get(i);
                    if (c == null) {
                        continue;
                    }
                    earned += c.earned();
                    reversed += c.reversed();
                    if (c.earned() > 0) {
                        customers.add(b.custId());
                    }
                    if (c.correction() != null) {
                        corrections.add(c.correction());
                    }
                }
            }
            for (Accrued a : store.accruedOn(date, rule.ruleId())) {
                if (!seen.contains(a.custId())) {
                    Change c = eachEarning.execute(s -> earn(rule, date, List.of(), new Basis(a.custId(), "", 0, 0)));
                    if (c != null) {
                        reversed += c.reversed();
                        if (c.correction() != null) {
                            corrections.add(c.correction());
                        }
                    }
                }
            }
        }
        long expired = ledger.expire(date);
        store.ran(date, earned, reversed, customers.size());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("customers", customers.size());
        after.put("earned", earned);
        after.put("reversed", reversed);
        after.put("expired", expired);
        after.put("corrections", corrections.size());
        audit.record("points.accrue", "points_date", date.toString(), Map.of(), after);
        return new Result(date, customers.size(), earned, reversed, expired, List.copyOf(corrections));
    }

    private List<Basis> basis(Rule rule, LocalDate date) {
        OrgRows wholeBank = OrgRows.of(OrgScope.everything());
        if (rule.kind().monthly()) {
            YearMonth month = YearMonth.from(date);
            if (!date.equals(month.atEndOfMonth())) {
                return List.of();
            }
            return warehouse
                    .queries()
                    .named("points/deposit_month_average")
                    .between(month.atDay(1), date)
                    .bind("month_days", month.lengthOfMonth())
                    .bind("min_balance", Money.ofFen(rule.unit()).yuan())
                    .within(wholeBank)
                    .list(MonthAverage.class)
                    .stream()
                    .map(m -> new Basis(
                            m.custId(), m.orgPath(), Money.fenOf(m.averageBalance()), Money.fenOf(m.averageBalance())))
                    .toList();
        }
        return warehouse
                .queries()
                .named("points/basis_daily")
                .bind("biz_date", date)
                .within(wholeBank)
                .list(DailyBasis.class)
                .stream()
                .map(d -> new Basis(d.custId(), d.orgPath(), d.of(rule.kind()), Money.fenOf(d.depositBalance())))
                .filter(b -> b.amount() > 0)
                .toList();
    }

    private record Change(
            long earned, long reversed, @Nullable Correction correction) {}

    /** One customer's earning by one rule on one date, within its chunk's transaction. */
    private Change earn(Rule rule, LocalDate date, List<Campaign> campaigns, Basis b) {
        int pct = Campaign.multiplierPct(campaigns, date, b.orgPath(), b.depositFen());
        long points = Campaign.multiply(rule.pointsFor(b.amount()), pct);
        String reference = rule.code() + " v" + rule.version() + (pct == 100 ? "" : " x" + pct + "%");
        if (rule.monthlyCap() != null && points > 0) {
            YearMonth month = YearMonth.from(date);
            long before = store.earnedInMonth(b.custId(), rule.code(), month.atDay(1), month.atEndOfMonth(), date);
            points = Math.max(0, Math.min(points, rule.monthlyCap() - before));
        }
        Optional<Accrued> found = store.accrued(date, rule.ruleId(), b.custId());
        if (found.isEmpty()) {
            if (points == 0) {
                return new Change(0, 0, null);
            }
            String id = transferId('E', date, rule, 0, b.custId());
            Outcome o = post(id, reference, date, b, points);
            boolean inserted = store.insertAccrual(date, rule.ruleId(), b.custId(), b.amount(), points, id);
            return new Change(inserted && o == Outcome.OK ? points : 0, 0, null);
        }
        Accrued a = found.get();
        if (a.points() == points) {
            return new Change(0, 0, null);
        }
        long reversed = 0;
        if (a.transferId() != null) {
            Outcome o = ledger.reverse(
                    transferId('V', date, rule, a.revision(), b.custId()), a.transferId(), date, "redelivered");
            if (!o.succeeded()) {
                // spent already: the earlier earning stays, the correction is reported and not posted
                log.warn("earning {} of {} not corrected: {}", a.transferId(), b.custId(), o);
                return new Change(0, 0, new Correction(b.custId(), rule.code(), a.points(), a.points()));
            }
            reversed = a.points();
        }
        int revision = a.revision() + 1;
        String id = null;
        if (points > 0) {
            id = transferId('E', date, rule, revision, b.custId());
            post(id, reference, date, b, points);
        }
        store.correctAccrual(date, rule.ruleId(), b.custId(), b.amount(), points, revision, id);
        return new Change(points, reversed, new Correction(b.custId(), rule.code(), a.points(), points));
    }

    /** Posts an earning from the bank's issuance to the customer (its account opened if new). */
    private Outcome post(String id, String reference, LocalDate date, Basis b, long points) {
        ledger.openCustomer(b.custId(), b.orgPath());
        Outcome o = ledger.transfer(Transfer.posted(
                id,
                PointsLedger.ISSUANCE,
                PointsLedger.customerAccount(b.custId()),
                points,
                expiry(date),
                "EARN",
                reference,
                date));
        if (!o.succeeded()) {
            throw new IllegalStateException("earning " + id + " refused: " + o);
        }
        return o;
    }

    /** Points expire at the end of the year after the one they were earned in. */
    public static LocalDate expiry(LocalDate earnedOn) {
        return LocalDate.of(earnedOn.getYear() + 1, 12, 31);
    }

    /**
     * The id of an earning ({@code E}) or its reversal ({@code V}): the letter, the date, the rule id, the revision
     * and the customer. The date has a fixed width and rule id and revision are digits, so the customer id, last,
     * may hold any character without making two tuples one id.
     */
    static String transferId(char letter, LocalDate date, Rule rule, int revision, String custId) {
        return letter + DAY.format(date) + "-" + rule.ruleId() + "-" + revision + "-" + custId;
    }
}
