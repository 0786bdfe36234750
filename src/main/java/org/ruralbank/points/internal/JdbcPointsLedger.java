package org.ruralbank.points.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.StoreDialect;
import org.ruralbank.points.PointsLedger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The points ledger in the transactional store, in the shape of the direct connection's {@code LedgerCoreBanking}:
 * each call locks the two account rows in account-number order with {@code select ... for update}, checks, appends
 * the transfer (its id the primary key, so a second insert of an id conflicts) and moves the sums, then the lots.
 */
@Component
class JdbcPointsLedger implements PointsLedger {

    private static final String COLUMNS = "transfer_id, debit_account, credit_account, points, kind, pending_id, "
            + "reversal_of, timeout_at, expires_on, code, reference, business_date";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient db;
    private final Clock clock;
    private final TransactionTemplate eachAccount;
    private final Unnest many;

    JdbcPointsLedger(
            JdbcClient db,
            JdbcTemplate jdbc,
            Clock clock,
            PlatformTransactionManager transactions,
            DataSource dataSource) {
        this.db = db;
        this.clock = clock;
        this.eachAccount = new TransactionTemplate(transactions);
        this.many = new Unnest(jdbc, StoreDialect.of(dataSource) == StoreDialect.POSTGRESQL);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void openCustomer(String custId, String orgPath) {
        open(PointsLedger.customerAccount(custId), "CUSTOMER", custId, orgPath, true);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void openCustomers(Map<String, String> orgPathByCustomer) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        many.write(
                "insert into pt_account (account_no, kind, cust_id, org_path, no_overdraft, created_at) "
                        + "values (?, 'CUSTOMER', ?, ?, true, ?) on conflict do nothing",
                """
                insert into pt_account (account_no, kind, cust_id, org_path, no_overdraft, created_at)
                select a.no, 'CUSTOMER', a.cust, a.org, true, a.at::timestamptz
                  from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) as a(no, cust, org, at)
                    on conflict do nothing
                """,
                new TreeMap<>(orgPathByCustomer)
                        .entrySet().stream()
                                .map(e -> new Object[] {
                                    PointsLedger.customerAccount(e.getKey()), e.getKey(), e.getValue(), now
                                })
                                .toList());
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void openMerchant(String accountNo, String orgPath) {
        open(accountNo, "MERCHANT", null, orgPath, false);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void openBudget(String accountNo) {
        open(accountNo, "ISSUANCE", null, "/", true);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(Collection<String> accountNos) {
        if (!accountNos.isEmpty()) {
            db.sql("select account_no from pt_account where account_no in (:a) order by account_no for update")
                    .param("a", List.copyOf(accountNos))
                    .query(String.class)
                    .list();
        }
    }

    private void open(String accountNo, String kind, @Nullable String custId, String orgPath, boolean noOverdraft) {
        db.sql("""
                insert into pt_account (account_no, kind, cust_id, org_path, no_overdraft, created_at)
                values (:n, :k, :c, :p, :nod, :now) on conflict do nothing
                """)
                .param("n", accountNo)
                .param("k", kind)
                .param("c", custId)
                .param("p", orgPath)
                .param("nod", noOverdraft)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public Outcome transfer(Transfer t) {
        if (t.kind() != Kind.POSTED && t.kind() != Kind.PENDING) {
            throw new IllegalArgumentException("use resolve() for " + t.kind());
        }
        if (t.points() <= 0) {
            return Outcome.POINTS_MUST_BE_POSITIVE;
        }
        if (t.debitAccount().equals(t.creditAccount())) {
            return Outcome.ACCOUNTS_MUST_BE_DIFFERENT;
        }
        Map<String, Row> rows = lock(t.debitAccount(), t.creditAccount());
        Row debit = rows.get(t.debitAccount());
        Row credit = rows.get(t.creditAccount());
        Outcome refusal = debit == null
                ? Outcome.DEBIT_ACCOUNT_NOT_FOUND
                : credit == null
                        ? Outcome.CREDIT_ACCOUNT_NOT_FOUND
                        : credit.customer() && t.expiresOn() == null
                                ? Outcome.EXPIRY_REQUIRED
                                : debit.exceededBy(t.points()) ? Outcome.EXCEEDS_BALANCE : null;
        // an existing transfer with this id answers first
        if (refusal != null) {
            return existing(t).orElse(refusal);
        }
        if (!insert(t)) {
            return existing(t)
                    .orElseThrow(() ->
                            new IllegalStateException("transfer " + t.transferId() + " neither inserted nor found"));
        }
        String column = t.kind() == Kind.PENDING ? "pending" : "posted";
        move(column, t.debitAccount(), t.creditAccount(), t.points());
        if (t.kind() == Kind.POSTED) {
            lots(t, Objects.requireNonNull(debit), Objects.requireNonNull(credit), null);
        }
        return Outcome.OK;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public List<Outcome> transferAll(List<Transfer> transfers) {
        if (transfers.isEmpty()) {
            return List.of();
        }
        String debitAccount = transfers.get(0).debitAccount();
        Set<String> credited = new HashSet<>();
        boolean setWise = transfers.stream()
                .allMatch(t -> t.kind() == Kind.POSTED
                        && t.points() > 0
                        && t.debitAccount().equals(debitAccount)
                        && !t.creditAccount().equals(debitAccount)
                        && credited.add(t.creditAccount()));
        Map<String, Row> rows = setWise ? lockAll(debitAccount, credited) : Map.of();
        Row debit = rows.get(debitAccount);
        // what transfer() would refuse goes through transfer(), which answers it the same way: the debit missing, a
        // customer's debit (its lots), a credit missing or without expiry, or more than the debit may give
        if (!setWise
                || debit == null
                || debit.customer()
                || debit.exceededBy(
                        transfers.stream().mapToLong(Transfer::points).sum())
                || transfers.stream().anyMatch(t -> {
                    Row credit = rows.get(t.creditAccount());
                    return credit == null || credit.customer() && t.expiresOn() == null;
                })) {
            return transfers.stream().map(this::transfer).toList();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean[] inserted = many.insertNew(
                "insert into pt_transfer (" + COLUMNS + ", created_at) values (?, ?, ?, ?, 'POSTED', null, null, "
                        + "null, ?, ?, ?, ?, ?) on conflict do nothing",
                """
                insert into pt_transfer (transfer_id, debit_account, credit_account, points, kind, expires_on, code,
                                         reference, business_date, created_at)
                select t.id, t.debit, t.credit, t.points, 'POSTED', t.expires::date, t.code, t.reference,
                       t.day::date, t.at::timestamptz
                  from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::int8[], ?::varchar[], ?::varchar[],
                              ?::varchar[], ?::varchar[], ?::varchar[])
                       as t(id, debit, credit, points, expires, code, reference, day, at)
                    on conflict do nothing
                returning transfer_id
                """,
                transfers.stream()
                        .map(t -> new Object[] {
                            t.transferId(),
                            t.debitAccount(),
                            t.creditAccount(),
                            t.points(),
                            t.expiresOn(),
                            t.code(),
                            t.reference(),
                            t.businessDate(),
                            now
                        })
                        .toList());
        List<Outcome> outcomes = new ArrayList<>(transfers.size());
        List<Transfer> posted = new ArrayList<>(transfers.size());
        for (int i = 0; i < transfers.size(); i++) {
            Transfer t = transfers.get(i);
            if (inserted[i]) {
                posted.add(t);
                outcomes.add(Outcome.OK);
            } else {
                outcomes.add(existing(t)
                        .orElseThrow(() -> new IllegalStateException(
                                "transfer " + t.transferId() + " neither inserted nor found")));
            }
        }
        if (posted.isEmpty()) {
            return outcomes;
        }
        db.sql("update pt_account set debits_posted = debits_posted + :a where account_no = :d")
                .param("a", posted.stream().mapToLong(Transfer::points).sum())
                .param("d", debitAccount)
                .update();
        many.write(
                "update pt_account set credits_posted = credits_posted + ? where account_no = ?",
                """
                update pt_account a set credits_posted = a.credits_posted + c.points
                  from unnest(?::int8[], ?::varchar[]) as c(points, no)
                 where a.account_no = c.no
                """,
                posted.stream()
                        .map(t -> new Object[] {t.points(), t.creditAccount()})
                        .toList());
        many.write(
                "insert into pt_lot (lot_id, account_no, expires_on, points, remaining) values (?, ?, ?, ?, ?)",
                """
                insert into pt_lot (lot_id, account_no, expires_on, points, remaining)
                select l.id, l.no, l.expires::date, l.points, l.remaining
                  from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::int8[], ?::int8[])
                       as l(id, no, expires, points, remaining)
                """,
                posted.stream()
                        .filter(t -> rows.get(t.creditAccount()).customer())
                        .map(t ->
                                new Object[] {t.transferId(), t.creditAccount(), t.expiresOn(), t.points(), t.points()})
                        .toList());
        return outcomes;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public Outcome resolve(String transferId, String pendingId, Kind resolution, LocalDate businessDate) {
        if (resolution != Kind.POST && resolution != Kind.VOID && resolution != Kind.EXPIRE) {
            throw new IllegalArgumentException("not a resolution: " + resolution);
        }
        Optional<Transfer> pending = find(pendingId).filter(p -> p.kind() == Kind.PENDING);
        if (pending.isEmpty()) {
            return Outcome.PENDING_NOT_FOUND;
        }
        Transfer p = pending.get();
        Map<String, Row> rows = lock(p.debitAccount(), p.creditAccount());
        Transfer t = new Transfer(
                transferId,
                p.debitAccount(),
                p.creditAccount(),
                p.points(),
                resolution,
                pendingId,
                null,
                null,
                p.expiresOn(),
                p.code(),
                p.reference(),
                businessDate);
        Optional<Outcome> existing = existing(t);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (count("select count(*) from pt_transfer where pending_id = :id", pendingId) > 0) {
            return Outcome.PENDING_ALREADY_RESOLVED;
        }
        if (resolution == Kind.POST && p.timeout() != null && !clock.instant().isBefore(p.timeout())) {
            return Outcome.PENDING_EXPIRED;
        }
        if (!insert(t)) {
            return existing(t).orElse(Outcome.PENDING_ALREADY_RESOLVED);
        }
        db.sql("""
                update pt_account set debits_pending = debits_pending - case when account_no = :d then :a else 0 end,
                       credits_pending = credits_pending - case when account_no = :c then :a else 0 end
                 where account_no in (:d, :c)
                """)
                .param("a", p.points())
                .param("d", p.debitAccount())
                .param("c", p.creditAccount())
                .update();
        if (resolution == Kind.POST) {
            move("posted", p.debitAccount(), p.creditAccount(), p.points());
            lots(
                    t,
                    Objects.requireNonNull(rows.get(p.debitAccount())),
                    Objects.requireNonNull(rows.get(p.creditAccount())),
                    null);
        }
        return Outcome.OK;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public Outcome reverse(String transferId, String originalId, LocalDate businessDate, String reference) {
        Optional<Transfer> found = find(originalId);
        if (found.isEmpty()) {
            return Outcome.ORIGINAL_NOT_FOUND;
        }
        Transfer o = found.get();
        Transfer t = new Transfer(
                transferId,
                o.creditAccount(),
                o.debitAccount(),
                o.points(),
                Kind.POSTED,
                null,
                originalId,
                null,
                o.expiresOn(),
                "REVERSAL",
                reference,
                businessDate);
        Map<String, Row> rows = lock(t.debitAccount(), t.creditAccount());
        Optional<Outcome> existing = existing(t);
        if (existing.isPresent()) {
            return existing.get();
        }
        if ((o.kind() != Kind.POSTED && o.kind() != Kind.POST) || o.code().equals("REVERSAL")) {
            return Outcome.ORIGINAL_NOT_REVERSIBLE;
        }
        if (count("select count(*) from pt_transfer where reversal_of = :id", originalId) > 0) {
            return Outcome.ALREADY_REVERSED;
        }
        Row debit = Objects.requireNonNull(rows.get(t.debitAccount()));
        if (debit.exceededBy(t.points())) {
            return Outcome.EXCEEDS_BALANCE;
        }
        if (!insert(t)) {
            return existing(t).orElse(Outcome.ALREADY_REVERSED);
        }
        move("posted", t.debitAccount(), t.creditAccount(), t.points());
        lots(t, debit, Objects.requireNonNull(rows.get(t.creditAccount())), originalId);
        return Outcome.OK;
    }

    @Override
    public long expire(LocalDate businessDate) {
        List<String> accounts =
                db.sql("""
                select distinct account_no from pt_lot where expires_on < :d and remaining > 0 order by account_no
                """).param("d", businessDate).query(String.class).list();
        long expired = 0;
        for (String account : accounts) {
            expired += Objects.requireNonNull(eachAccount.execute(s -> expireAccount(account, businessDate)));
        }
        return expired;
    }

    private long expireAccount(String account, LocalDate businessDate) {
        Row row = Objects.requireNonNull(lock(account, BREAKAGE).get(account));
        long due = db.sql("select coalesce(sum(remaining), 0) from pt_lot where account_no = :a and expires_on < :d")
                .param("a", account)
                .param("d", businessDate)
                .query(Long.class)
                .single();
        long points = Math.min(due, row.creditsPosted - row.debitsPosted - row.debitsPending);
        if (points <= 0) {
            return 0;
        }
        String id = "X" + DAY.format(businessDate) + "-" + account;
        Outcome o = transfer(Transfer.posted(
                id, account, BREAKAGE, points, null, "EXPIRE", "lots before " + businessDate, businessDate));
        return o == Outcome.OK ? points : 0;
    }

    @Override
    public List<String> expiredHolds(Instant now) {
        return db.sql("""
                select t.transfer_id from pt_transfer t
                 where t.kind = 'PENDING' and t.timeout_at is not null and t.timeout_at <= :now
                   and not exists (select 1 from pt_transfer r where r.pending_id = t.transfer_id)
                 order by t.seq
                """)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query(String.class)
                .list();
    }

    @Override
    public Optional<Balance> balance(String accountNo) {
        return db.sql("""
                select account_no, kind, debits_pending, debits_posted, credits_pending, credits_posted
                  from pt_account where account_no = :n
                """)
                .param("n", accountNo)
                .query((rs, i) -> new Balance(
                        rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .optional();
    }

    @Override
    public List<Lot> lots(String accountNo) {
        return db.sql("""
                select lot_id, expires_on, points, remaining from pt_lot
                 where account_no = :a and remaining > 0 order by expires_on, seq
                """)
                .param("a", accountNo)
                .query((rs, i) ->
                        new Lot(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    @Override
    public List<Transfer> history(String accountNo, int limit) {
        return db.sql("select " + COLUMNS + " from pt_transfer where debit_account = :a or credit_account = :a "
                        + "order by seq desc limit :l")
                .param("a", accountNo)
                .param("l", limit)
                .query(JdbcPointsLedger::transfer)
                .list();
    }

    @Override
    public Optional<Transfer> find(String transferId) {
        return db.sql("select " + COLUMNS + " from pt_transfer where transfer_id = :id")
                .param("id", transferId)
                .query(JdbcPointsLedger::transfer)
                .optional();
    }

    @Override
    public Totals totals() {
        return db.sql("""
                select coalesce(sum(debits_posted), 0), coalesce(sum(credits_posted), 0),
                       coalesce(sum(debits_pending), 0), coalesce(sum(credits_pending), 0),
                       coalesce(sum(case when kind = 'CUSTOMER' then credits_posted - debits_posted else 0 end), 0),
                       (select coalesce(sum(remaining), 0) from pt_lot),
                       sum(case when kind = 'CUSTOMER' and credits_posted - debits_posted - debits_pending < 0
                                then 1 else 0 end)
                  from pt_account
                """)
                .query((rs, i) -> new Totals(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7)))
                .single();
    }

    /** Moves the posted or pending sums of both legs in one statement (the rows are already locked). */
    private void move(String column, String debit, String credit, long points) {
        db.sql("update pt_account set debits_" + column + " = debits_" + column
                        + " + case when account_no = :d then :a else 0 end, credits_" + column + " = credits_"
                        + column + " + case when account_no = :c then :a else 0 end where account_no in (:d, :c)")
                .param("a", points)
                .param("d", debit)
                .param("c", credit)
                .update();
    }

    /**
     * The lots of a posted transfer: a customer's debit consumes lots (the reversed earning's own lot first, then by
     * expiry); a customer's credit gives a reversed debit's points back to the lots it took them from, or makes a
     * new lot.
     */
    private void lots(Transfer t, Row debit, Row credit, @Nullable String reversed) {
        if (debit.customer()) {
            consume(t.debitAccount(), t.points(), t.transferId(), reversed);
        }
        if (!credit.customer()) {
            return;
        }
        List<Use> uses = reversed == null
                ? List.of()
                : db.sql("select lot_id, points from pt_lot_use where transfer_id = :t")
                        .param("t", reversed)
                        .query((rs, i) -> new Use(rs.getString(1), rs.getLong(2)))
                        .list();
        if (uses.isEmpty()) {
            db.sql("""
                    insert into pt_lot (lot_id, account_no, expires_on, points, remaining)
                    values (:id, :a, :e, :p, :p)
                    """)
                    .param("id", t.transferId())
                    .param("a", t.creditAccount())
                    .param("e", Objects.requireNonNull(t.expiresOn()))
                    .param("p", t.points())
                    .update();
            return;
        }
        for (Use u : uses) {
            db.sql("update pt_lot set remaining = remaining + :p where lot_id = :l")
                    .param("p", u.points())
                    .param("l", u.lotId())
                    .update();
        }
    }

    private void consume(String account, long points, String transferId, @Nullable String preferredLot) {
        List<Use> open = db.sql("""
                select lot_id, remaining from pt_lot where account_no = :a and remaining > 0
                 order by case when lot_id = :p then 0 else 1 end, expires_on, seq
                """)
                .param("a", account)
                .param("p", preferredLot == null ? "" : preferredLot)
                .query((rs, i) -> new Use(rs.getString(1), rs.getLong(2)))
                .list();
        long left = points;
        for (Use lot : open) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, lot.points());
            db.sql("update pt_lot set remaining = remaining - :p where lot_id = :l")
                    .param("p", take)
                    .param("l", lot.lotId())
                    .update();
            db.sql("insert into pt_lot_use (transfer_id, lot_id, points) values (:t, :l, :p)")
                    .param("t", transferId)
                    .param("l", lot.lotId())
                    .param("p", take)
                    .update();
            left -= take;
        }
        if (left > 0) {
            throw new IllegalStateException("the lots of " + account + " lack " + left + " points of its balance");
        }
    }

    /** The rows of the accounts, locked in account-number order in one statement. */
    private Map<String, Row> lockAll(String debitAccount, Collection<String> creditAccounts) {
        Map<String, Row> rows = new TreeMap<>();
        List<String> accounts = new ArrayList<>(creditAccounts);
        accounts.add(debitAccount);
        db.sql("""
                select account_no, kind, no_overdraft, debits_pending, debits_posted, credits_posted
                  from pt_account where account_no in (:a) order by account_no for update
                """)
                .param("a", accounts)
                .query((rs, i) -> rows.put(rs.getString(1), row(rs)))
                .list();
        return rows;
    }

    private Map<String, Row> lock(String a, String b) {
        // one statement, rows locked in account-number order, so that two transfers never deadlock
        return lockAll(a, List.of(b));
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getString(2).equals("CUSTOMER"), rs.getBoolean(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
    }

    private long count(String sql, String id) {
        return db.sql(sql).param("id", id).query(Long.class).single();
    }

    private Optional<Outcome> existing(Transfer t) {
        return find(t.transferId())
                .map(e -> sameContent(e, t) ? Outcome.EXISTS : Outcome.EXISTS_WITH_DIFFERENT_CONTENT);
    }

    /** Appends the transfer; false when its id is already taken. */
    private boolean insert(Transfer t) {
        return db.sql("insert into pt_transfer (" + COLUMNS + ", created_at) values (:id, :d, :c, :a, :k, :p, :r, "
                                + ":timeout, :e, :code, :ref, :date, :now) on conflict do nothing")
                        .param("id", t.transferId())
                        .param("d", t.debitAccount())
                        .param("c", t.creditAccount())
                        .param("a", t.points())
                        .param("k", t.kind().name())
                        .param("p", t.pendingId())
                        .param("r", t.reversalOf())
                        .param(
                                "timeout",
                                t.timeout() == null ? null : OffsetDateTime.ofInstant(t.timeout(), ZoneOffset.UTC))
                        .param("e", t.expiresOn())
                        .param("code", t.code())
                        .param("ref", t.reference())
                        .param("date", t.businessDate())
                        .param("now", OffsetDateTime.now(clock))
                        .update()
                == 1;
    }

    private static boolean sameContent(Transfer a, Transfer b) {
        return a.debitAccount().equals(b.debitAccount())
                && a.creditAccount().equals(b.creditAccount())
                && a.points() == b.points()
                && a.kind() == b.kind()
                && Objects.equals(a.pendingId(), b.pendingId())
                && Objects.equals(a.reversalOf(), b.reversalOf())
                && Objects.equals(a.expiresOn(), b.expiresOn())
                && a.code().equals(b.code());
    }

    private static Transfer transfer(ResultSet rs, int i) throws SQLException {
        OffsetDateTime timeout = rs.getObject("timeout_at", OffsetDateTime.class);
        return new Transfer(
                rs.getString("transfer_id"),
                rs.getString("debit_account"),
                rs.getString("credit_account"),
                rs.getLong("points"),
                Kind.valueOf(rs.getString("kind")),
                rs.getString("pending_id"),
                rs.getString("reversal_of"),
                timeout == null ? null : timeout.toInstant(),
                rs.getObject("expires_on", LocalDate.class),
                rs.getString("code"),
                rs.getString("reference"),
                rs.getObject("business_date", LocalDate.class));
    }

    private record Row(
            boolean customer, boolean noOverdraft, long debitsPending, long debitsPosted, long creditsPosted) {

        boolean exceededBy(long points) {
            return noOverdraft && debitsPosted + debitsPending + points > creditsPosted;
        }
    }

    private record Use(String lotId, long points) {}
}
