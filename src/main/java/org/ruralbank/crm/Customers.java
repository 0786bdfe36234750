package org.ruralbank.crm;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.ruralbank.crm.Customer360.Account;
import org.ruralbank.crm.Customer360.Card;
import org.ruralbank.crm.Customer360.EbankSignUp;
import org.ruralbank.crm.Customer360.Event;
import org.ruralbank.crm.Customer360.Identity;
import org.ruralbank.crm.Customer360.Loan;
import org.ruralbank.crm.Customer360.Movement;
import org.ruralbank.crm.Customer360.Warning;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Rejected;
import org.ruralbank.shared.Masking;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.ruralbank.warehouse.WarehouseQueries;
import org.springframework.stereotype.Service;

/**
 * The customer whole (360) and the unmasking of their identifiers.
 *
 * <p>Guarantees: a customer that does not exist and one outside the caller's scope are the same {@link NotFound}
 * (every query of the view is filtered by the scope over the customer's opening org); identifiers are masked unless
 * {@link #unmask} is asked with a reason, and that request is in the audit log before anything unmasked is
 * returned.
 */
@Service
public class Customers {

    /** The period of daily averages, activity and contribution: the 30 days ending on the business date. */
    public static final int PERIOD_DAYS = 30;

    /** The period of payouts and large movements shown: the year ending on the business date. */
    public static final int HISTORY_DAYS = 365;

    /** A balance below this share of the period's first day's balance is falling. */
    static final BigDecimal FALLING = new BigDecimal("0.70");

    /** Balances below this (yuan) on the period's first day are not watched for falling. */
    static final BigDecimal FALLING_FLOOR = new BigDecimal("10000");

    /** A loan maturing within these days is approaching its due date. */
    static final int NEAR_MATURITY_DAYS = 30;

    /** A card issued this many days ago and still not activated is sleeping. */
    static final int SLEEPING_CARD_DAYS = 90;

    /** The shortest reason accepted for unmasking. */
    public static final int MIN_REASON = 4;

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /**
     * Runs the parts of the customer whole side by side (a dozen small reads; one after another they took several
     * times as long). Daemon threads, so that they never keep the application from stopping.
     */
    private static final ExecutorService PARTS = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "crm-360");
        t.setDaemon(true);
        return t;
    });

    private final Warehouse warehouse;
    private final AuditLog audit;
    private final Tiers tiers;
    private final Clock clock;

    public Customers(Warehouse warehouse, AuditLog audit, Tiers tiers, Clock clock) {
        this.warehouse = warehouse;
        this.audit = audit;
        this.tiers = tiers;
        this.clock = clock;
    }

    /** The last business date the customer marts hold; today while they hold none. */
    public LocalDate lastDate() {
        return lastDate(warehouse.queries()).orElse(LocalDate.now(clock.withZone(BEIJING)));
    }

    static Optional<LocalDate> lastDate(WarehouseQueries queries) {
        return queries.named("crm/last_date").first(LastDate.class).map(LastDate::lastDate);
    }

    private record LastDate(@Nullable LocalDate lastDate) {}

    /** Finds customers (see {@link CustomerSearch}). */
    public CustomerSearch.Found search(@Nullable String text, OrgScope scope) {
        return CustomerSearch.find(warehouse.queries(), text, scope);
    }

    /**
     * The customer on {@code date}, masked.
     *
     * @throws NotFound the customer does not exist or lies outside {@code scope}
     */
    public Customer360 view(String custId, LocalDate date, OrgScope scope) {
        return read(custId, date, scope, false);
    }

    /**
     * The customer on {@code date} unmasked, for a reason the audit log keeps.
     *
     * @throws Rejected {@code reason}: no reason, or one shorter than {@link #MIN_REASON} characters
     * @throws NotFound the customer does not exist or lies outside {@code scope} (nothing is audited as unmasked)
     */
    public Customer360 unmask(String custId, LocalDate date, @Nullable String reason, OrgScope scope) {
        String r = reason == null ? "" : reason.strip();
        if (r.codePointCount(0, r.length()) < MIN_REASON) {
            throw new Rejected("reason", "crm.unmask.reason", MIN_REASON);
        }
        if (r.length() > 200) {
            throw new Rejected("reason", "crm.unmask.reasonTooLong", 200);
        }
        identity(warehouse.queries(), custId, scope); // 404 before anything is recorded
        audit.record("crm.customer.unmask", "customer", custId, Map.of(), Map.of("reason", r, "date", date.toString()));
        return read(custId, date, scope, true);
    }

    /**
     * The org path of the customer's opening org.
     *
     * @throws NotFound the customer does not exist or lies outside {@code scope}
     */
    public String orgPathOf(String custId, OrgScope scope) {
        return identity(warehouse.queries(), custId, scope).orgPath();
    }

    /**
     * The relationships drawn around the customer on {@code date} with the other members of their confirmed
     * household ({@code household}, asked only once the customer is found within the scope).
     *
     * @throws NotFound the customer does not exist or lies outside {@code scope}
     */
    public RelationshipGraph graph(
            String custId,
            LocalDate date,
            OrgScope scope,
            java.util.function.Supplier<List<RelationshipGraph.HouseholdMember>> household) {
        WarehouseQueries q = warehouse.queries();
        Identity identity = identity(q, custId, scope);
        return RelationshipGraph.read(q, custId, date, scope, identity, household.get());
    }

    /** The customer's identity (not masked) when they exist within {@code scope}. */
    static Optional<Identity> find(WarehouseQueries q, String custId, OrgScope scope) {
        return q.named("crm/customer")
                .bind("cust_id", custId)
                .within(OrgRows.of(scope))
                .first(Identity.class);
    }

    private static Identity identity(WarehouseQueries q, String custId, OrgScope scope) {
        return q.named("crm/customer")
                .bind("cust_id", custId)
                .within(OrgRows.of(scope))
                .first(Identity.class)
                .orElseThrow(() -> new NotFound("customer", custId));
    }

    /** The part's answer, or what the part threw (a query's own failure, not a wrapper). */
    private static <T> T join(Future<T> part) {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the customer", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Customer360 read(String custId, LocalDate date, OrgScope scope, boolean unmasked) {
        WarehouseQueries q = warehouse.queries();
        OrgRows rows = OrgRows.of(scope);
        LocalDate from = date.minusDays(PERIOD_DAYS - 1);
        LocalDate history = date.minusDays(HISTORY_DAYS - 1);
        // The parts are independent reads, each filtered by the scope itself: they run side by side, and none is
        // shown unless the customer itself is found within the scope.
        Future<Optional<Identity>> found = PARTS.submit(() ->
                q.named("crm/customer").bind("cust_id", custId).within(rows).first(Identity.class));
        Future<List<Account>> accountsF = PARTS.submit(() -> q.named("crm/customer_accounts")
                .bind("cust_id", custId)
                .between(from, date)
                .within(rows)
                .list(Account.class));
        Future<List<Loan>> loansF = PARTS.submit(() -> q.named("crm/customer_loans")
                .bind("cust_id", custId)
                .bind("business_date", date)
                .within(rows)
                .list(Loan.class));
        Future<List<Card>> cardsF = PARTS.submit(() -> q.named("crm/customer_cards")
                .bind("cust_id", custId)
                .bind("business_date", date)
                .within(rows)
                .list(Card.class));
        Future<List<EbankSignUp>> ebankF = PARTS.submit(() -> q.named("crm/customer_ebank")
                .bind("cust_id", custId)
                .between(from, date)
                .within(rows)
                .list(EbankSignUp.class));
        Future<List<Movement>> movementsF = PARTS.submit(() -> q.named("crm/large_movements")
                .bind("cust_id", custId)
                .between(history, date)
                .bind("min_amount", tiers.largeMovement())
                .within(rows)
                .list(Movement.class));
        Future<Optional<ValueRow>> valueF = PARTS.submit(() -> q.named("crm/customer_value")
                .bind("cust_id", custId)
                .between(from, date)
                .within(rows)
                .first(ValueRow.class));
        Future<List<Customer360.Merchant>> merchantsF = PARTS.submit(() -> q.named("crm/customer_merchants")
                .bind("cust_id", custId)
                .between(from, date)
                .within(rows)
                .list(Customer360.Merchant.class));
        Future<List<Customer360.Relation>> relationsF = PARTS.submit(() -> q.named("crm/customer_relations")
                .bind("cust_id", custId)
                .bind("business_date", date)
                .within(rows)
                .list(Customer360.Relation.class));
        Future<List<Customer360.HouseholdMember>> householdF = PARTS.submit(() ->
                q.named("crm/household").bind("cust_id", custId).within(rows).list(Customer360.HouseholdMember.class));
        Future<List<Customer360.Payout>> payoutsF = PARTS.submit(() -> q.named("crm/customer_payouts")
                .bind("cust_id", custId)
                .between(history, date)
                .within(rows)
                .list(Customer360.Payout.class));
        Future<List<Customer360.Manager>> managersF = PARTS.submit(() -> q.named("crm/customer_managers")
                .bind("cust_id", custId)
                .bind("business_date", date)
                .within(rows)
                .list(Customer360.Manager.class));
        List<Future<?>> all = List.of(
                found,
                accountsF,
                loansF,
                cardsF,
                ebankF,
                movementsF,
                valueF,
                merchantsF,
                relationsF,
                householdF,
                payoutsF,
                managersF);
        Identity identity;
        try {
            identity = join(found).orElseThrow(() -> new NotFound("customer", custId));
        } catch (RuntimeException e) {
            all.forEach(f -> f.cancel(false));
            throw e;
        }
        List<Account> accounts = join(accountsF);
        List<Loan> loans = join(loansF);
        List<Card> cards = join(cardsF);
        List<EbankSignUp> ebank = join(ebankF);
        List<Movement> movements = join(movementsF);
        ValueRow v = join(valueF).orElse(new ValueRow(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
        return new Customer360(
                date,
                from,
                unmasked,
                unmasked ? identity : identity.masked(),
                accounts,
                loans,
                unmasked ? cards : cards.stream().map(Card::masked).toList(),
                ebank,
                join(merchantsF),
                join(relationsF),
                join(householdF),
                join(payoutsF),
                join(managersF),
                timeline(identity, accounts, loans, cards, ebank, movements, unmasked),
                value(v, accounts, loans, from, date),
                warnings(accounts, loans, cards, date, unmasked));
    }

    private record ValueRow(long ftpDays, BigDecimal depositMargin, BigDecimal loanMargin, BigDecimal merchantFees) {}

    private CustomerValue value(ValueRow v, List<Account> accounts, List<Loan> loans, LocalDate from, LocalDate date) {
        BigDecimal assets = accounts.stream().map(Account::balance).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal lent = loans.stream()
                .filter(l -> l.status().equals("A"))
                .map(Loan::balance)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean ftp = v.ftpDays() > 0;
        BigDecimal depositMargin = v.depositMargin();
        BigDecimal loanMargin = v.loanMargin();
        if (!ftp) {
            long days = date.toEpochDay() - from.toEpochDay() + 1;
            BigDecimal yuanDays = accounts.stream().map(Account::balanceDays).reduce(BigDecimal.ZERO, BigDecimal::add);
            depositMargin = Tiers.simpleMargin(yuanDays, Tiers.DEPOSIT_SPREAD);
            loanMargin = Tiers.simpleMargin(lent.multiply(BigDecimal.valueOf(days)), Tiers.LOAN_SPREAD);
        }
        return new CustomerValue(ftp, depositMargin, loanMargin, v.merchantFees(), assets, lent, tiers.of(assets));
    }

    /** The events of the customer's life with the bank, newest first. */
    static List<Event> timeline(
            Identity identity,
            List<Account> accounts,
            List<Loan> loans,
            List<Card> cards,
            List<EbankSignUp> ebank,
            List<Movement> movements,
            boolean unmasked) {
        List<Event> events = new ArrayList<>();
        if (identity.openDate() != null) {
            events.add(new Event(identity.openDate(), "CUSTOMER_OPENED", identity.custId(), null));
        }
        for (Account a : accounts) {
            if (a.openDate() != null) {
                events.add(new Event(a.openDate(), "ACCOUNT_OPENED", a.acctNo(), null));
            }
        }
        for (Card c : cards) {
            String no = unmasked ? c.cardNo() : Masking.cardNo(c.cardNo());
            events.add(
                    new Event(c.issueDate(), c.replacedCardNo() == null ? "CARD_ISSUED" : "CARD_REPLACED", no, null));
        }
        for (Loan l : loans) {
            events.add(new Event(l.disburseDate(), "LOAN_DISBURSED", l.loanNo(), l.loanAmt()));
            if (l.firstOverdue() != null) {
                events.add(new Event(l.firstOverdue(), "FIRST_OVERDUE", l.loanNo(), null));
            }
        }
        for (EbankSignUp u : ebank) {
            events.add(new Event(u.signDate(), "EBANK_SIGNED", u.ebType(), null));
        }
        for (Movement m : movements) {
            events.add(new Event(
                    m.bizDate(), m.dcFlag().equals("C") ? "LARGE_CREDIT" : "LARGE_DEBIT", m.acctNo(), m.amount()));
        }
        events.sort(Comparator.comparing(Event::date).reversed().thenComparing(Event::kind));
        return List.copyOf(events);
    }

    /** The warnings a customer manager should act on. */
    static List<Warning> warnings(
            List<Account> accounts, List<Loan> loans, List<Card> cards, LocalDate date, boolean unmasked) {
        List<Warning> out = new ArrayList<>();
        BigDecimal now = accounts.stream().map(Account::balance).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal before = accounts.stream().map(Account::balanceBefore).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (before.compareTo(FALLING_FLOOR) >= 0 && now.compareTo(before.multiply(FALLING)) < 0) {
            out.add(new Warning("FALLING_BALANCE", ""));
        }
        for (Account a : accounts) {
            if (a.acctStatus().equals("D")) {
                out.add(new Warning("DORMANT_ACCOUNT", a.acctNo()));
            }
        }
        for (Card c : cards) {
            if (c.cardStatus().equals("U")
                    && c.issueDate().plusDays(SLEEPING_CARD_DAYS).isBefore(date)) {
                out.add(new Warning("SLEEPING_CARD", unmasked ? c.cardNo() : Masking.cardNo(c.cardNo())));
            }
        }
        for (Loan l : loans) {
            if (!l.status().equals("A")) {
                continue;
            }
            if (l.dpd() > 0) {
                out.add(new Warning("LOAN_OVERDUE", l.loanNo()));
            } else if (!l.maturityDate().isAfter(date.plusDays(NEAR_MATURITY_DAYS))) {
                out.add(new Warning("LOAN_NEAR_MATURITY", l.loanNo()));
            }
        }
        return List.copyOf(out);
    }
}
