package org.ruralbank.points;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *       {@value #CHUNK} customers of a rule, whose new earnings are posted and recorded set-wise (one commit and
 *       a few statements per earning made a month of the {@code seed} bank cost minutes), so a run stopped halfway
 *       resumes where it stopped; a refused posting rolls back its chunk and
 *       stops the run. A redemption of a customer of the chunk being posted waits for its commit;</li>
 *   <li>daily rules are evaluated on every date, monthly rules on the last day of the month over the whole month;
 *       a rule's cap (per day, month or year) gives a date what the customer's earnings by the rule's code on the
 *       period's earlier dates left of it; a redelivered date that changes those earnings computes the period's
 *       later accrued dates again for the customers concerned, in date order, and reports their corrections;</li>
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

    /**
     * A change of one customer's earning by one rule on a date: of the redelivered date, or of a later date of a
     * cap's period computed again after it.
     */
    public record Correction(LocalDate date, String custId, String ruleCode, long before, long after) {}

    /** What a daily rule reads of a customer on a date. */
    record DailyBasis(
            String custId,
            String orgPath,
            BigDecimal posSpend,
            BigDecimal payrollIn,
            long onTimeRepayments,
            long ebankSignups,
            long ebankTxns,
            BigDecimal depositBalance) {

        long of(RuleKind kind) {
            return switch (kind) {
                case POS_SPEND -> Money.fenOf(posSpend);
                case PAYROLL -> Money.fenOf(payrollIn);
                case LOAN_REPAY -> onTimeRepayments;
                case EBANK_SIGN -> ebankSignups;
                case EBANK_ACTIVE -> ebankTxns;
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
    static final int CHUNK = 1000;

    /** Accrues one date (again): see the guarantees. */
    public Result accrue(LocalDate date) {
        Tally tally = new Tally();
        List<Campaign> campaigns = this.campaigns.inForce(date);
        Bases bases = new Bases(date);
        for (Rule rule : rules.inForce(date)) {
            List<Basis> basis = bases.of(rule);
            List<Correction> before = List.copyOf(tally.corrections);
            earnAll(rule, date, campaigns, basis, false, tally);
            Set<String> seen = new HashSet<>();
            basis.forEach(b -> seen.add(b.custId()));
            // a redelivered date's customers who earned before and have no basis now: their earning is reversed
            List<Basis> vanished = store.accruedOn(date, rule.ruleId()).stream()
                    .filter(a -> !seen.contains(a.custId()))
                    .map(a -> new Basis(a.custId(), "", 0, 0))
                    .toList();
            earnAll(rule, date, List.of(), vanished, false, tally);
            if (rule.cap() != null && tally.corrections.size() > before.size()) {
                Set<String> corrected = new HashSet<>();
                tally.corrections.stream().skip(before.size()).forEach(c -> corrected.add(c.custId()));
                recomputeLaterCaps(rule, date, corrected, tally);
            }
        }
        long expired = ledger.expire(date);
        store.ran(date, tally.earned, tally.reversed, tally.customers.size());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("customers", tally.customers.size());
        after.put("earned", tally.earned);
        after.put("reversed", tally.reversed);
        after.put("expired", expired);
        after.put("corrections", tally.corrections.size());
        audit.record("points.accrue", "points_date", date.toString(), Map.of(), after);
        return new Result(
                date, tally.customers.size(), tally.earned, tally.reversed, expired, List.copyOf(tally.corrections));
    }

    /** What a date's run earned, reversed and corrected, as its chunks commit. */
    private static final class Tally {
        long earned;
        long reversed;
        final Set<String> customers = new HashSet<>();
        final List<Correction> corrections = new ArrayList<>();

        void add(String custId, Change c) {
            earned += c.earned();
            reversed += c.reversed();
            if (c.earned() > 0) {
                customers.add(custId);
            }
            if (c.correction() != null) {
                corrections.add(c.correction());
            }
        }
    }

    /**
     * Earns by a rule on a date for the customers of a basis, in chunks of {@value #CHUNK} customers in customer order,
     * which is the ledger's account-number order: a chunk takes its customers' rows in the order every other writer
     * takes them (a household's accounts in one sorted statement). When {@code recomputing} a later date of a cap's
     * period, a customer's first earning on it is reported as a correction too (from nothing). The customers with an
     * earning recorded for the date and rule are read once, unlocked; a chunk reads again, under lock, only those of
     * its customers (a 200-value list against the whole journal cost a full scan per chunk whenever the planner's
     * statistics were older than the day's rows); a run beside this one that records a customer first makes this
     * run's row and transfer conflict, so that customer counts nothing here.
     */
    private void earnAll(
            Rule rule, LocalDate date, List<Campaign> campaigns, List<Basis> basis, boolean recomputing, Tally tally) {
        List<Basis> sorted = new ArrayList<>(basis);
        sorted.sort(java.util.Comparator.comparing(Basis::custId));
        Set<String> recorded = sorted.isEmpty() ? Set.of() : store.accruedCustomers(date, rule.ruleId());
        for (int from = 0; from < sorted.size(); from += CHUNK) {
            List<Basis> chunk = sorted.subList(from, Math.min(sorted.size(), from + CHUNK));
            List<Change> changes =
                    eachEarning.execute(s -> earnChunk(rule, date, campaigns, chunk, recorded, recomputing));
            for (int i = 0; changes != null && i < chunk.size(); i++) {
                tally.add(chunk.get(i).custId(), changes.get(i));
            }
        }
    }

    /**
     * A redelivered date changed what customers earned by a capped rule: the later dates of the cap's period that
     * were accrued are computed again for those customers, in date order, each from its own basis and the earlier
     * dates' earnings as they are now.
     */
    private void recomputeLaterCaps(Rule rule, LocalDate date, Set<String> corrected, Tally tally) {
        LocalDate periodEnd = rule.capPeriod().end(date);
        for (LocalDate later : store.accruedDatesBetween(date, periodEnd)) {
            List<Campaign> campaigns = this.campaigns.inForce(later);
            Bases bases = new Bases(later);
            for (Rule sameCode : rules.inForce(later)) {
                if (!sameCode.code().equals(rule.code())) {
                    continue;
                }
                List<Basis> basis = bases.of(sameCode).stream()
                        .filter(b -> corrected.contains(b.custId()))
                        .toList();
                earnAll(sameCode, later, campaigns, basis, true, tally);
            }
        }
    }

    private record Change(
            long earned, long reversed, @Nullable Correction correction) {}

    private static final Change NONE = new Change(0, 0, null);

    /**
     * The earnings of one chunk of customers by one rule on one date, in the chunk's transaction: the new ones
     * posted together ({@link PointsLedger#transferAll}) and recorded in one batch, the changed ones (a redelivered
     * date) corrected one by one.
     */
    private List<Change> earnChunk(
            Rule rule,
            LocalDate date,
            List<Campaign> campaigns,
            List<Basis> chunk,
            Set<String> recorded,
            boolean recomputing) {
        List<String> ids = chunk.stream().map(Basis::custId).toList();
        List<String> seen = ids.stream().filter(recorded::contains).toList();
        Map<String, Accrued> found = seen.isEmpty() ? Map.of() : store.accruedFor(date, rule.ruleId(), seen);
        Map<String, Long> earlier = rule.cap() == null
                ? Map.of()
                : store.earnedBefore(ids, rule.code(), rule.capPeriod().start(date), date);
        List<Change> changes = new ArrayList<>(Collections.nCopies(chunk.size(), NONE));
        List<Integer> fresh = new ArrayList<>();
        List<Transfer> transfers = new ArrayList<>();
        List<JdbcRules.NewAccrual> rows = new ArrayList<>();
        Map<String, String> toOpen = new HashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            Basis b = chunk.get(i);
            int pct = Campaign.multiplierPct(campaigns, date, b.orgPath(), b.depositFen());
            long uncapped = Campaign.multiply(rule.pointsFor(b.amount()), pct);
            long points = rule.cap() == null
                    ? uncapped
                    : Math.max(0, Math.min(uncapped, rule.cap() - earlier.getOrDefault(b.custId(), 0L)));
            String reference = rule.code() + " v" + rule.version() + (pct == 100 ? "" : " x" + pct + "%");
            Accrued a = found.get(b.custId());
            if (a == null && points > 0) {
                String id = transferId('E', date, rule, 0, b.custId());
                fresh.add(i);
                toOpen.put(b.custId(), b.orgPath());
                transfers.add(earning(id, reference, date, b, points));
                rows.add(new JdbcRules.NewAccrual(b.custId(), b.amount(), points, uncapped, id));
            } else if (a != null && a.points() != points) {
                changes.set(i, correct(rule, date, b, a, points, uncapped, reference));
            }
        }
        if (!fresh.isEmpty()) {
            ledger.openCustomers(toOpen);
            List<Outcome> outcomes = ledger.transferAll(transfers);
            for (int j = 0; j < outcomes.size(); j++) {
                if (!outcomes.get(j).succeeded()) {
                    throw new IllegalStateException(
                            "earning " + transfers.get(j).transferId() + " refused: " + outcomes.get(j));
                }
            }
            boolean[] inserted = store.insertAccruals(date, rule.ruleId(), rows);
            for (int j = 0; j < fresh.size(); j++) {
                long earned = inserted[j] && outcomes.get(j) == Outcome.OK
                        ? rows.get(j).points()
                        : 0;
                changes.set(
                        fresh.get(j),
                        new Change(
                                earned,
                                0,
                                recomputing && earned > 0
                                        ? new Correction(date, rows.get(j).custId(), rule.code(), 0, earned)
                                        : null));
            }
        }
        return changes;
    }

    /** A customer's earning by a rule on a date that differs from the one recorded: reversed and posted again. */
    private Change correct(
            Rule rule, LocalDate date, Basis b, Accrued a, long points, long uncapped, String reference) {
        long reversed = 0;
        if (a.transferId() != null) {
            Outcome o = ledger.reverse(
                    transferId('V', date, rule, a.revision(), b.custId()), a.transferId(), date, "redelivered");
            if (!o.succeeded()) {
                // spent already: the earlier earning stays, the correction is reported and not posted
                log.warn("earning {} of {} not corrected: {}", a.transferId(), b.custId(), o);
                return new Change(0, 0, new Correction(date, b.custId(), rule.code(), a.points(), a.points()));
            }
            reversed = a.points();
        }
        int revision = a.revision() + 1;
        String id = null;
        if (points > 0) {
            id = transferId('E', date, rule, revision, b.custId());
            ledger.openCustomer(b.custId(), b.orgPath());
            Outcome o = ledger.transfer(earning(id, reference, date, b, points));
            if (!o.succeeded()) {
                throw new IllegalStateException("earning " + id + " refused: " + o);
            }
        }
        store.correctAccrual(date, rule.ruleId(), b.custId(), b.amount(), points, uncapped, revision, id);
        return new Change(points, reversed, new Correction(date, b.custId(), rule.code(), a.points(), points));
    }

    /** An earning from the bank's issuance to the customer. */
    private static Transfer earning(String id, String reference, LocalDate date, Basis b, long points) {
        return Transfer.posted(
                id,
                PointsLedger.ISSUANCE,
                PointsLedger.customerAccount(b.custId()),
                points,
                expiry(date),
                "EARN",
                reference,
                date);
    }

    /**
     * What the rules of one date read: the daily rules all read the date's one row per customer, read once for them
     * all; a monthly rule reads its month's averages with its own minimum balance.
     */
    private final class Bases {
        private final LocalDate date;
        private @Nullable List<DailyBasis> daily;

        Bases(LocalDate date) {
            this.date = date;
        }

        List<Basis> of(Rule rule) {
            if (rule.kind().monthly()) {
                return monthly(rule, date);
            }
            if (daily == null) {
                daily = warehouse
                        .queries()
                        .named("points/basis_daily")
                        .bind("biz_date", date)
                        .within(OrgRows.of(OrgScope.everything()))
                        .list(DailyBasis.class);
            }
            return daily.stream()
                    .map(d -> new Basis(d.custId(), d.orgPath(), d.of(rule.kind()), Money.fenOf(d.depositBalance())))
                    .filter(b -> b.amount() > 0)
                    .toList();
        }
    }

    /** A monthly rule's basis: on the month's last day, each customer's daily-average deposits of the month. */
    private List<Basis> monthly(Rule rule, LocalDate date) {
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
                .within(OrgRows.of(OrgScope.everything()))
                .list(MonthAverage.class)
                .stream()
                .map(m -> new Basis(
                        m.custId(), m.orgPath(), Money.fenOf(m.averageBalance()), Money.fenOf(m.averageBalance())))
                .toList();
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
