package org.ruralbank.directconnect.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.ruralbank.directconnect.CoreBanking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The built-in core: a double-entry ledger in the transactional store, in TigerBeetle's manner. Each call joins
 * the caller's transaction (or opens one), locks the two account rows in account-number order with
 * {@code select ... for update}, checks, appends the transfer and moves the balance columns.
 */
@Component
public class LedgerCoreBanking implements CoreBanking {

    private static final String TRANSFER_COLUMNS = "transfer_id, debit_account, credit_account, amount_fen, kind, "
            + "pending_id, timeout_at, code, reference, business_date";

    private final JdbcClient db;
    private final Clock clock;

    LedgerCoreBanking(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public Outcome transfer(Transfer t) {
        if (t.kind() != Kind.POSTED && t.kind() != Kind.PENDING) {
            throw new IllegalArgumentException("use resolve() for " + t.kind());
        }
        if (t.amountFen() <= 0) {
            return Outcome.AMOUNT_MUST_BE_POSITIVE;
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
                        : debit.noOverdraft
                                        && debit.debitsPosted + debit.debitsPending + t.amountFen()
                                                > debit.creditsPosted
                                ? Outcome.EXCEEDS_CREDITS
                                : null;
        // an existing transfer with this id answers first; looked up only when it matters (a refusal, or an insert
        // that finds the id taken), so that a new transfer costs three statements: lock, insert, update
        if (refusal != null) {
            return existing(t).orElse(refusal);
        }
        if (!insert(t)) {
            return existing(t)
                    .orElseThrow(() ->
                            new IllegalStateException("transfer " + t.transferId() + " neither inserted nor found"));
        }
        String column = t.kind() == Kind.PENDING ? "pending" : "posted";
        // both legs in one statement (the rows are already locked)
        db.sql("update dc_account set debits_" + column + " = debits_" + column
                        + " + case when account_no = :d then :a else 0 end, credits_" + column + " = credits_" + column
                        + " + case when account_no = :c then :a else 0 end where account_no in (:d, :c)")
                .param("a", t.amountFen())
                .param("d", t.debitAccount())
                .param("c", t.creditAccount())
                .update();
        return Outcome.OK;
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
        lock(p.debitAccount(), p.creditAccount());
        Transfer t = new Transfer(
                transferId,
                p.debitAccount(),
                p.creditAccount(),
                p.amountFen(),
                resolution,
                pendingId,
                null,
                p.code(),
                p.reference(),
                businessDate);
        Optional<Outcome> existing = existing(t);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (db.sql("select count(*) from dc_transfer where pending_id = :p")
                        .param("p", pendingId)
                        .query(Long.class)
                        .single()
                > 0) {
            return Outcome.PENDING_ALREADY_RESOLVED;
        }
        Instant now = clock.instant();
        if (resolution == Kind.POST && p.timeout() != null && !now.isBefore(p.timeout())) {
            return Outcome.PENDING_EXPIRED;
        }
        if (!insert(t)) {
            // a resolution committed since the checks above (the unique pending id saw it)
            return existing(t).orElse(Outcome.PENDING_ALREADY_RESOLVED);
        }
        long a = p.amountFen();
        db.sql("update dc_account set debits_pending = debits_pending - :a where account_no = :n")
                .param("a", a)
                .param("n", p.debitAccount())
                .update();
        db.sql("update dc_account set credits_pending = credits_pending - :a where account_no = :n")
                .param("a", a)
                .param("n", p.creditAccount())
                .update();
        if (resolution == Kind.POST) {
            db.sql("update dc_account set debits_posted = debits_posted + :a where account_no = :n")
                    .param("a", a)
                    .param("n", p.debitAccount())
                    .update();
            db.sql("update dc_account set credits_posted = credits_posted + :a where account_no = :n")
                    .param("a", a)
                    .param("n", p.creditAccount())
                    .update();
        }
        return Outcome.OK;
    }

    /** Pending transfers whose timeout has passed and that nobody resolved. */
    public List<String> expiredPending(Instant now) {
        return db.sql("""
                select t.transfer_id from dc_transfer t
                 where t.kind = 'PENDING' and t.timeout_at is not null and t.timeout_at <= :now
                   and not exists (select 1 from dc_transfer r where r.pending_id = t.transfer_id)
                 order by t.seq
                """)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query(String.class)
                .list();
    }

    /** Pending transfers not yet resolved, oldest first (the clearing hand-off list). */
    public List<Transfer> openPending(String code) {
        return db.sql(
                        "select " + TRANSFER_COLUMNS + " from dc_transfer t where t.kind = 'PENDING' and t.code = :c "
                                + "and not exists (select 1 from dc_transfer r where r.pending_id = t.transfer_id) order by t.seq")
                .param("c", code)
                .query(LedgerCoreBanking::transfer)
                .list();
    }

    @Override
    public Optional<Balance> balance(String accountNo) {
        return db.sql("""
                select account_no, account_name, currency, debits_pending, debits_posted, credits_pending,
                       credits_posted from dc_account where account_no = :n
                """)
                .param("n", accountNo)
                .query((rs, i) -> new Balance(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7)))
                .optional();
    }

    private static final String ENTRY_COLUMNS = "transfer_id, debit_account, credit_account, amount_fen, kind, code, "
            + "reference, business_date, created_at, seq";

    @Override
    public List<Entry> entries(String accountNo, LocalDate from, LocalDate to) {
        return db.sql("select " + ENTRY_COLUMNS + """
                  from dc_transfer
                 where (debit_account = :n or credit_account = :n) and business_date between :f and :t
                 order by seq
                """)
                .param("n", accountNo)
                .param("f", from)
                .param("t", to)
                .query((rs, i) -> entry(rs, accountNo))
                .list();
    }

    @Override
    public List<Entry> entriesOf(String transferId) {
        return db.sql("select " + ENTRY_COLUMNS + " from dc_transfer where transfer_id = :id")
                .param("id", transferId)
                .query((rs, i) ->
                        List.of(entry(rs, rs.getString("debit_account")), entry(rs, rs.getString("credit_account"))))
                .optional()
                .orElse(List.of());
    }

    /** A transfer's row as the entry of one of its two accounts. */
    private static Entry entry(ResultSet rs, String accountNo) throws SQLException {
        boolean debit = accountNo.equals(rs.getString("debit_account"));
        long amount = rs.getLong("amount_fen");
        return new Entry(
                rs.getString("transfer_id"),
                accountNo,
                debit ? rs.getString("credit_account") : rs.getString("debit_account"),
                debit ? -amount : amount,
                Kind.valueOf(rs.getString("kind")),
                rs.getString("code"),
                rs.getString("reference"),
                rs.getObject("business_date", LocalDate.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getLong("seq"));
    }

    @Override
    public List<Transfer> transfersOn(LocalDate businessDate) {
        return db.sql("select " + TRANSFER_COLUMNS + " from dc_transfer where business_date = :d order by seq")
                .param("d", businessDate)
                .query(LedgerCoreBanking::transfer)
                .list();
    }

    @Override
    public Optional<Transfer> find(String transferId) {
        return db.sql("select " + TRANSFER_COLUMNS + " from dc_transfer where transfer_id = :id")
                .param("id", transferId)
                .query(LedgerCoreBanking::transfer)
                .optional();
    }

    /** Opens a ledger account (no balance yet); a second call with the same number changes nothing. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void openAccount(
            String accountNo, String name, String kind, String enterpriseId, String orgPath, boolean noOverdraft) {
        db.sql("""
                insert into dc_account (account_no, account_name, kind, enterprise_id, org_path, currency,
                                        no_overdraft, created_at)
                values (:n, :name, :kind, :e, :path, 'CNY', :nod, :now) on conflict do nothing
                """)
                .param("n", accountNo)
                .param("name", name)
                .param("kind", kind)
                .param("e", enterpriseId)
                .param("path", orgPath)
                .param("nod", noOverdraft)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    private Map<String, Row> lock(String a, String b) {
        Map<String, Row> rows = new TreeMap<>();
        // one statement, rows locked in account-number order, so that two transfers never deadlock
        db.sql("""
                select account_no, no_overdraft, debits_pending, debits_posted, credits_posted
                  from dc_account where account_no in (:a, :b) order by account_no for update
                """)
                .param("a", a)
                .param("b", b)
                .query((rs, i) -> rows.put(
                        rs.getString(1), new Row(rs.getBoolean(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))))
                .list();
        return rows;
    }

    /** What a transfer whose id is already taken amounts to, if it is. */
    private Optional<Outcome> existing(Transfer t) {
        return find(t.transferId())
                .map(e -> sameContent(e, t) ? Outcome.EXISTS : Outcome.EXISTS_WITH_DIFFERENT_CONTENT);
    }

    /** Appends the transfer; false when its id (or, for a resolution, its pending transfer) is already taken. */
    private boolean insert(Transfer t) {
        return db.sql("insert into dc_transfer (" + TRANSFER_COLUMNS + ", created_at) values (:id, :d, :c, :a, :k, "
                                + ":p, :timeout, :code, :ref, :date, :now) on conflict do nothing")
                        .param("id", t.transferId())
                        .param("d", t.debitAccount())
                        .param("c", t.creditAccount())
                        .param("a", t.amountFen())
                        .param("k", t.kind().name())
                        .param("p", t.pendingId())
                        .param(
                                "timeout",
                                t.timeout() == null ? null : OffsetDateTime.ofInstant(t.timeout(), ZoneOffset.UTC))
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
                && a.amountFen() == b.amountFen()
                && a.kind() == b.kind()
                && Objects.equals(a.pendingId(), b.pendingId())
                && Objects.equals(a.code(), b.code());
    }

    private static Transfer transfer(ResultSet rs, int i) throws SQLException {
        OffsetDateTime timeout = rs.getObject("timeout_at", OffsetDateTime.class);
        return new Transfer(
                rs.getString("transfer_id"),
                rs.getString("debit_account"),
                rs.getString("credit_account"),
                rs.getLong("amount_fen"),
                Kind.valueOf(rs.getString("kind")),
                rs.getString("pending_id"),
                timeout == null ? null : timeout.toInstant(),
                rs.getString("code"),
                rs.getString("reference"),
                rs.getObject("business_date", LocalDate.class));
    }

    private record Row(boolean noOverdraft, long debitsPending, long debitsPosted, long creditsPosted) {}
}
