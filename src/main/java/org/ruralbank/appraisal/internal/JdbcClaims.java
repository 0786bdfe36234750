package org.ruralbank.appraisal.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ruralbank.appraisal.Claim;
import org.ruralbank.appraisal.CreditKind;
import org.ruralbank.appraisal.Dispute;
import org.ruralbank.platform.OrgScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims, disputes and the approved share totals of each object in the operational store (tables of V19).
 *
 * <p>The total of the approved shares of an object is kept per span of days in {@code credit_span}, whose check
 * constraint refuses a total over 1: {@link #addShare} splits the spans at the edges of the change and adds in the
 * database, so the database, not this code, is what keeps an object at or under 100%. Every change of an object's
 * claims first takes the lock of its {@code credit_object} row ({@link #lock}); a change of several objects locks
 * them in (kind, id) order.
 */
@Repository
public class JdbcClaims {

    static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);
    private static final String CLAIM_COLUMNS = "claim_id, object_kind, object_id, org_path, staff_id, share, "
            + "valid_from, valid_to, status, source, reason, dispute_id, maker, made_at, checker, checked_at";

    private final JdbcClient db;
    private final TransactionTemplate separate;

    JdbcClaims(JdbcClient db, PlatformTransactionManager transactions) {
        this.db = db;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Makes sure the object has its row and one span from the beginning to the open end with total 0, in a
     * transaction of its own (two callers creating it at once: one insert wins, the other finds it).
     */
    public void ensureObject(CreditKind kind, String objectId, String orgId, String orgPath) {
        if (exists(kind, objectId)) {
            return;
        }
        try {
            separate.executeWithoutResult(s -> {
                db.sql("insert into credit_object (object_kind, object_id, org_id, org_path) values (:k, :i, :o, :p)")
                        .param("k", kind.name())
                        .param("i", objectId)
                        .param("o", orgId)
                        .param("p", orgPath)
                        .update();
                db.sql("insert into credit_span (object_kind, object_id, valid_from, valid_to, share_total) "
                                + "values (:k, :i, :f, :t, 0)")
                        .param("k", kind.name())
                        .param("i", objectId)
                        .param("f", BEGINNING)
                        .param("t", Claim.OPEN_END)
                        .update();
            });
        } catch (DuplicateKeyException e) {
            // created by another caller meanwhile
        }
    }

    private boolean exists(CreditKind kind, String objectId) {
        return db.sql("select count(*) from credit_object where object_kind = :k and object_id = :i")
                        .param("k", kind.name())
                        .param("i", objectId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Locks the object's row until the end of the current transaction. */
    public void lock(CreditKind kind, String objectId) {
        db.sql("select object_id from credit_object where object_kind = :k and object_id = :i for update")
                .param("k", kind.name())
                .param("i", objectId)
                .query(String.class)
                .single();
    }

    /**
     * The first day in [from, to] on which the approved total plus {@code delta} would exceed 1, with that total;
     * empty when there is none. Call it under the object's lock for a precise message; the check constraint is the
     * guarantee.
     */
    public Optional<Map.Entry<LocalDate, BigDecimal>> firstOverFull(
            CreditKind kind, String objectId, LocalDate from, LocalDate to, BigDecimal delta) {
        return db
                .sql(
                        "select valid_from, valid_to, share_total from credit_span where object_kind = :k and object_id = :i "
                                + "and valid_to >= :f and valid_from <= :t and share_total + :d > 1 order by valid_from")
                .param("k", kind.name())
                .param("i", objectId)
                .param("f", from)
                .param("t", to)
                .param("d", delta)
                .query((rs, n) -> Map.entry(
                        max(rs.getObject("valid_from", LocalDate.class), from),
                        rs.getBigDecimal("share_total").add(delta)))
                .list()
                .stream()
                .findFirst();
    }

    /** The highest approved total of the object on a day of [from, to]. */
    public BigDecimal highestTotal(CreditKind kind, String objectId, LocalDate from, LocalDate to) {
        BigDecimal v = db.sql("select max(share_total) from credit_span where object_kind = :k and object_id = :i "
                        + "and valid_to >= :f and valid_from <= :t")
                .param("k", kind.name())
                .param("i", objectId)
                .param("f", from)
                .param("t", to)
                .query(BigDecimal.class)
                .optional()
                .orElse(null);
        return v == null ? BigDecimal.ZERO : v;
    }

    /**
     * Adds {@code delta} (negative to take back) to the approved total of the object on every day of [from, to].
     * Throws {@code DataIntegrityViolationException} when a total would leave [0, 1]: the transaction must not commit.
     */
    public void addShare(CreditKind kind, String objectId, LocalDate from, LocalDate to, BigDecimal delta) {
        split(kind, objectId, from);
        if (to.isBefore(Claim.OPEN_END)) {
            split(kind, objectId, to.plusDays(1));
        }
        db.sql("update credit_span set share_total = share_total + :d where object_kind = :k and object_id = :i "
                        + "and valid_from >= :f and valid_to <= :t")
                .param("d", delta)
                .param("k", kind.name())
                .param("i", objectId)
                .param("f", from)
                .param("t", to)
                .update();
    }

    /** Makes {@code at} the first day of a span (the span holding it is cut in two, both halves keep its total). */
    private void split(CreditKind kind, String objectId, LocalDate at) {
        db.sql("insert into credit_span (object_kind, object_id, valid_from, valid_to, share_total) "
                        + "select object_kind, object_id, :a, valid_to, share_total from credit_span "
                        + "where object_kind = :k and object_id = :i and valid_from < :a and valid_to >= :a")
                .param("a", at)
                .param("k", kind.name())
                .param("i", objectId)
                .update();
        db.sql("update credit_span set valid_to = :b where object_kind = :k and object_id = :i "
                        + "and valid_from < :a and valid_to >= :a")
                .param("b", at.minusDays(1))
                .param("a", at)
                .param("k", kind.name())
                .param("i", objectId)
                .update();
    }

    /** The total of the pending and disputed claims of the object overlapping [from, to], but {@code except}. */
    public BigDecimal undecidedShares(CreditKind kind, String objectId, LocalDate from, LocalDate to, long except) {
        BigDecimal v = db.sql(
                        "select sum(share) from credit_claim where object_kind = :k and object_id = :i "
                                + "and status in ('PENDING', 'DISPUTED') and valid_to >= :f and valid_from <= :t and claim_id <> :e")
                .param("k", kind.name())
                .param("i", objectId)
                .param("f", from)
                .param("t", to)
                .param("e", except)
                .query(BigDecimal.class)
                .optional()
                .orElse(null);
        return v == null ? BigDecimal.ZERO : v;
    }

    public long insertClaim(
            CreditKind kind,
            String objectId,
            String orgPath,
            String staffId,
            BigDecimal share,
            LocalDate from,
            LocalDate to,
            String status,
            String source,
            @Nullable String reason,
            String maker,
            OffsetDateTime at,
            @Nullable String checker) {
        KeyHolder keys = new GeneratedKeyHolder();
        db.sql("insert into credit_claim (object_kind, object_id, org_path, staff_id, share, valid_from, valid_to, "
                        + "status, source, reason, maker, made_at, checker, checked_at) values (:k, :i, :p, :s, :sh, :f, :t, "
                        + ":st, :src, :r, :m, :at, :c, :cat)")
                .param("k", kind.name())
                .param("i", objectId)
                .param("p", orgPath)
                .param("s", staffId)
                .param("sh", share)
                .param("f", from)
                .param("t", to)
                .param("st", status)
                .param("src", source)
                .param("r", reason)
                .param("m", maker)
                .param("at", at)
                .param("c", checker)
                .param("cat", checker == null ? null : at)
                .update(keys, "claim_id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Claim> claim(long claimId) {
        return db.sql("select " + CLAIM_COLUMNS + " from credit_claim where claim_id = :c")
                .param("c", claimId)
                .query(JdbcClaims::claim)
                .optional();
    }

    /** The claims of an object, newest first (its history). */
    public List<Claim> claimsOf(CreditKind kind, String objectId) {
        return db.sql("select " + CLAIM_COLUMNS + " from credit_claim where object_kind = :k and object_id = :i "
                        + "order by claim_id desc")
                .param("k", kind.name())
                .param("i", objectId)
                .query(JdbcClaims::claim)
                .list();
    }

    /** The approved claims of a staff member in force on {@code from} or later, by object. */
    public List<Claim> approvedOf(String staffId, LocalDate from) {
        return db.sql("select " + CLAIM_COLUMNS + " from credit_claim where staff_id = :s and status = 'APPROVED' "
                        + "and valid_to >= :f order by object_kind, object_id, claim_id")
                .param("s", staffId)
                .param("f", from)
                .query(JdbcClaims::claim)
                .list();
    }

    /** Every approved claim (the rows of {@code ref.credit_claim}). */
    public List<Claim> approved() {
        return db.sql("select " + CLAIM_COLUMNS + " from credit_claim where status = 'APPROVED' order by claim_id")
                .query(JdbcClaims::claim)
                .list();
    }

    /** Claims within the scope (a customer manager's own), newest first; {@code status} null for all. */
    public List<Claim> claims(OrgScope scope, @Nullable String status, int limit) {
        OrgScope.Condition c = scope.where("org_path", "staff_id");
        return db.sql("select " + CLAIM_COLUMNS + " from credit_claim where " + c.sql()
                        + (status == null ? "" : " and status = :status") + " order by claim_id desc fetch first "
                        + limit
                        + " rows only")
                .params(c.params())
                .params(status == null ? Map.of() : Map.of("status", status))
                .query(JdbcClaims::claim)
                .list();
    }

    public void decide(long claimId, String status, @Nullable BigDecimal share, String checker, OffsetDateTime at) {
        db.sql("update credit_claim set status = :st, share = coalesce(:sh, share), checker = :c, checked_at = :at "
                        + "where claim_id = :id")
                .param("st", status)
                .param("sh", share)
                .param("c", checker)
                .param("at", at)
                .param("id", claimId)
                .update();
    }

    /** Ends an approved claim after {@code lastDay} (or marks it ENDED when it had not begun by then). */
    public void end(Claim claim, LocalDate lastDay) {
        if (lastDay.isBefore(claim.validFrom())) {
            db.sql("update credit_claim set status = 'ENDED' where claim_id = :id")
                    .param("id", claim.claimId())
                    .update();
        } else {
            db.sql("update credit_claim set valid_to = :t where claim_id = :id")
                    .param("t", lastDay)
                    .param("id", claim.claimId())
                    .update();
        }
    }

    /** The open dispute of the object, opened when there is none. */
    public long openDispute(CreditKind kind, String objectId, String orgPath, OffsetDateTime at) {
        String key = kind.name() + ":" + objectId;
        Optional<Long> open = db.sql("select dispute_id from credit_dispute where open_object = :o")
                .param("o", key)
                .query(Long.class)
                .optional();
        if (open.isPresent()) {
            return open.get();
        }
        KeyHolder keys = new GeneratedKeyHolder();
        db.sql("insert into credit_dispute (object_kind, object_id, org_path, status, opened_at, open_object) "
                        + "values (:k, :i, :p, 'OPEN', :at, :o)")
                .param("k", kind.name())
                .param("i", objectId)
                .param("p", orgPath)
                .param("at", at)
                .param("o", key)
                .update(keys, "dispute_id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Puts the pending claims of the object overlapping [from, to] (and {@code claimId}) into the dispute. */
    public void joinDispute(
            long disputeId, CreditKind kind, String objectId, LocalDate from, LocalDate to, long claimId) {
        db.sql("update credit_claim set status = 'DISPUTED', dispute_id = :d where object_kind = :k and object_id = :i "
                        + "and (claim_id = :c or (status = 'PENDING' and valid_to >= :f and valid_from <= :t))")
                .param("d", disputeId)
                .param("k", kind.name())
                .param("i", objectId)
                .param("c", claimId)
                .param("f", from)
                .param("t", to)
                .update();
    }

    public Optional<Dispute> dispute(long disputeId) {
        return db.sql("select dispute_id, object_kind, object_id, org_path, status, opened_at, settled_by, settled_at, "
                        + "note from credit_dispute where dispute_id = :d")
                .param("d", disputeId)
                .query((rs, n) -> dispute(rs))
                .optional();
    }

    public List<Dispute> disputes(OrgScope scope, int limit) {
        OrgScope.Condition c = scope.where("d.org_path", null);
        String own = scope.kind() == org.ruralbank.platform.DataScope.OWN_CUSTOMERS
                ? " and exists (select 1 from credit_claim x where x.dispute_id = d.dispute_id and x.staff_id = :own)"
                : "";
        return db.sql("select dispute_id, object_kind, object_id, org_path, status, opened_at, settled_by, settled_at, "
                        + "note from credit_dispute d where " + c.sql() + own + " order by dispute_id desc fetch first "
                        + limit
                        + " rows only")
                .params(c.params())
                .params(own.isEmpty() ? Map.of() : Map.of("own", ownStaff(scope)))
                .query((rs, n) -> dispute(rs))
                .list();
    }

    private static String ownStaff(OrgScope scope) {
        Object v = scope.where("p", "s").params().get("scope_staff");
        return v == null ? "" : v.toString();
    }

    public void settleDispute(long disputeId, String checker, OffsetDateTime at, @Nullable String note) {
        db.sql("update credit_dispute set status = 'SETTLED', settled_by = :c, settled_at = :at, note = :n, "
                        + "open_object = null where dispute_id = :d")
                .param("c", checker)
                .param("at", at)
                .param("n", note)
                .param("d", disputeId)
                .update();
    }

    private Dispute dispute(ResultSet rs) throws SQLException {
        long id = rs.getLong("dispute_id");
        CreditKind kind = CreditKind.valueOf(rs.getString("object_kind"));
        String objectId = rs.getString("object_id");
        List<Claim> claims = db.sql("select " + CLAIM_COLUMNS + " from credit_claim where dispute_id = :d "
                        + "or (object_kind = :k and object_id = :i and status = 'APPROVED') order by claim_id")
                .param("d", id)
                .param("k", kind.name())
                .param("i", objectId)
                .query(JdbcClaims::claim)
                .list();
        return new Dispute(
                id,
                kind,
                objectId,
                rs.getString("org_path"),
                rs.getString("status"),
                rs.getObject("opened_at", OffsetDateTime.class),
                rs.getString("settled_by"),
                rs.getObject("settled_at", OffsetDateTime.class),
                rs.getString("note"),
                claims);
    }

    private static Claim claim(ResultSet rs, int n) throws SQLException {
        long disputeId = rs.getLong("dispute_id");
        Long dispute = rs.wasNull() ? null : disputeId;
        return new Claim(
                rs.getLong("claim_id"),
                CreditKind.valueOf(rs.getString("object_kind")),
                rs.getString("object_id"),
                rs.getString("org_path"),
                rs.getString("staff_id"),
                rs.getBigDecimal("share"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getString("status"),
                rs.getString("source"),
                rs.getString("reason"),
                dispute,
                rs.getString("maker"),
                rs.getObject("made_at", OffsetDateTime.class),
                rs.getString("checker"),
                rs.getObject("checked_at", OffsetDateTime.class));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
