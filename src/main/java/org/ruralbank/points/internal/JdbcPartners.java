package org.ruralbank.points.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.StoreDialect;
import org.ruralbank.points.Partner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The store of partners, their orders (each answered once), the nonces of their requests and one-time codes. */
@Repository
public class JdbcPartners {

    private static final String COLUMNS = "partner_id, partner_name, kind, org_path, account_no, points_per_yuan, "
            + "algorithm, public_key, joined_on, left_on";

    private final JdbcClient db;
    private final Clock clock;
    private final boolean oneCall;
    private final OneCallRedemptions oneCalls;

    JdbcPartners(JdbcClient db, Clock clock, DataSource dataSource) {
        this.db = db;
        this.clock = clock;
        this.oneCall = StoreDialect.of(dataSource) == StoreDialect.POSTGRESQL;
        this.oneCalls = new OneCallRedemptions(db);
    }

    /**
     * Whether a counter redemption can be one call of the database's {@code pt_redeem} ({@link #redeem}: PostgreSQL,
     * db/vendor/postgresql V44); elsewhere it is redeemed statement by statement.
     */
    public boolean oneCall() {
        return oneCall;
    }

    /** An order as stored: the digest of the request that created it and the answer given. */
    public record Order(
            String partnerId,
            String orderId,
            String requestDigest,
            @Nullable String custId,
            long points,
            String status,
            @Nullable String transferId,
            String answer) {}

    public Optional<Partner> find(String partnerId) {
        return db.sql("select " + COLUMNS + " from pt_partner where partner_id = :p")
                .param("p", partnerId)
                .query(JdbcPartners::partner)
                .optional();
    }

    public List<Partner> within(OrgScope scope) {
        OrgScope.Condition c = scope.where("org_path", null);
        return db.sql("select " + COLUMNS + " from pt_partner where " + c.sql() + " order by partner_id")
                .params(c.params())
                .query(JdbcPartners::partner)
                .list();
    }

    /** Registers a partner; false when the id is taken. */
    public boolean insert(Partner p) {
        return db.sql("insert into pt_partner (" + COLUMNS + ", created_at) values (:id, :n, :k, :o, :a, :r, :alg, "
                                + ":key, :j, null, :now) on conflict do nothing")
                        .param("id", p.partnerId())
                        .param("n", p.partnerName())
                        .param("k", p.kind())
                        .param("o", p.orgPath())
                        .param("a", p.accountNo())
                        .param("r", p.pointsPerYuan())
                        .param("alg", p.algorithm())
                        .param("key", p.publicKey())
                        .param("j", p.joinedOn())
                        .param("now", OffsetDateTime.now(clock))
                        .update()
                == 1;
    }

    public boolean leave(String partnerId, LocalDate on) {
        return db.sql("update pt_partner set left_on = :d where partner_id = :p and left_on is null")
                        .param("d", on)
                        .param("p", partnerId)
                        .update()
                == 1;
    }

    /**
     * Claims an order id: inserts its row (the answer still empty) unless the partner used the id before. A twin
     * request with the same id waits here until the first commits, then finds its row.
     */
    public boolean claim(String partnerId, String orderId, String digest, long points) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.sql("""
                        insert into pt_order (partner_id, order_id, request_digest, points, status, answer, created_at,
                                              updated_at)
                        values (:p, :o, :d, :pts, 'REFUSED', '{}', :now, :now) on conflict do nothing
                        """)
                        .param("p", partnerId)
                        .param("o", orderId)
                        .param("d", digest)
                        .param("pts", points)
                        .param("now", now)
                        .update()
                == 1;
    }

    /** An order, locked until the caller's transaction ends. */
    public Optional<Order> lock(String partnerId, String orderId) {
        return db.sql("""
                select partner_id, order_id, request_digest, cust_id, points, status, transfer_id, answer
                  from pt_order where partner_id = :p and order_id = :o for update
                """)
                .param("p", partnerId)
                .param("o", orderId)
                .query((rs, i) -> new Order(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)))
                .optional();
    }

    /** The order holding a pending transfer. */
    public Optional<String[]> orderOfTransfer(String transferId) {
        return db.sql("select partner_id, order_id from pt_order where transfer_id = :t")
                .param("t", transferId)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional();
    }

    public void answer(
            String partnerId,
            String orderId,
            @Nullable String custId,
            String status,
            @Nullable String transferId,
            String answer) {
        db.sql("""
                update pt_order set cust_id = :c, status = :s, transfer_id = :t, answer = :a, updated_at = :now
                 where partner_id = :p and order_id = :o
                """)
                .param("c", custId)
                .param("s", status)
                .param("t", transferId)
                .param("a", answer)
                .param("now", OffsetDateTime.now(clock))
                .param("p", partnerId)
                .param("o", orderId)
                .update();
    }

    /** Records a request's nonce; false when the partner used it before. */
    public boolean nonce(String partnerId, String nonce, Instant at) {
        return db.sql("insert into pt_nonce (partner_id, nonce, seen_at) values (:p, :n, :t) on conflict do nothing")
                        .param("p", partnerId)
                        .param("n", nonce)
                        .param("t", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .update()
                == 1;
    }

    /**
     * Forgets the nonces seen before {@code before} (a request that old is refused by its timestamp anyway); returns
     * how many.
     */
    public int forgetNonces(Instant before) {
        return db.sql("delete from pt_nonce where seen_at < :old")
                .param("old", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                .update();
    }

    /**
     * What {@code pt_redeem} answered: its outcome ({@code HOUSEHOLD}, {@code REPLAYED_NONCE}, {@code EARLIER},
     * {@code CODE_INVALID}, {@code INSUFFICIENT_POINTS} or {@code REDEEMED}), the customer, and for an earlier order
     * its request digest and stored answer (else the answer given).
     */
    public record Redeemed(
            String outcome,
            @Nullable String custId,
            @Nullable String storedDigest,
            @Nullable String answer) {}

    /** A counter redemption's parameters for {@link #redeem}; the answers as the caller words them (JSON). */
    public record Redemption(
            String partnerId,
            @Nullable String nonce,
            String orderId,
            String requestDigest,
            long points,
            String cardNo,
            String codeHash,
            String usedBy,
            String merchantAccount,
            String transferId,
            LocalDate businessDate,
            String redeemedAnswer,
            String codeRefusal,
            String pointsRefusal) {}

    /**
     * A counter redemption as one call of {@code pt_redeem} (PostgreSQL only, see {@link #oneCall}): the nonce, the
     * order's claim, the code's use, the posting with its lots and the order's answer (db/vendor/postgresql V44 says
     * what it does step by step). In the caller's transaction if there is one; else written with the other counter
     * redemptions arriving at the same moment, in one statement and one transaction ({@link OneCallRedemptions}).
     */
    public Redeemed redeem(Redemption r) {
        return TransactionSynchronizationManager.isActualTransactionActive()
                ? oneCalls.alone(r, clock.instant())
                : oneCalls.together(r, clock.instant());
    }

    /**
     * Writes the redemptions in one statement as a lane's writer does ({@link OneCallRedemptions#together}), for
     * tests: each one's {@link Redeemed}, or what writing it threw.
     */
    public List<Object> writtenTogether(List<Redemption> redemptions) {
        return oneCalls.writtenTogether(redemptions, clock.instant());
    }

    public void issueCode(String cardNo, String custId, String codeHash, Instant expiresAt) {
        db.sql("""
                insert into pt_code (card_no, cust_id, code_hash, expires_at) values (:c, :cust, :h, :e)
                """)
                .param("c", cardNo)
                .param("cust", custId)
                .param("h", codeHash)
                .param("e", OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
                .update();
    }

    /** Uses a card's one-time code once: the customer it was issued to, or empty when unknown, expired or used. */
    public Optional<String> useCode(String cardNo, String codeHash, String usedBy, Instant now) {
        Optional<long[]> code = db.sql("""
                select code_id from pt_code
                 where card_no = :c and code_hash = :h and used_by is null and expires_at > :now for update
                """)
                .param("c", cardNo)
                .param("h", codeHash)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query((rs, i) -> new long[] {rs.getLong(1)})
                .optional();
        if (code.isEmpty()) {
            return Optional.empty();
        }
        int used = db.sql("update pt_code set used_by = :u where code_id = :id and used_by is null")
                .param("u", usedBy)
                .param("id", code.get()[0])
                .update();
        if (used == 0) {
            return Optional.empty();
        }
        return db.sql("select cust_id from pt_code where code_id = :id")
                .param("id", code.get()[0])
                .query(String.class)
                .optional();
    }

    /** Points each partner took in a period (posted spends less refunds), for the settlement statement. */
    public long pointsTaken(String accountNo, LocalDate from, LocalDate to) {
        return db.sql("""
                select coalesce(sum(case when credit_account = :a then points else -points end), 0)
                  from pt_transfer
                 where (credit_account = :a or debit_account = :a) and kind in ('POSTED', 'POST')
                   and business_date between :f and :t
                """)
                .param("a", accountNo)
                .param("f", from)
                .param("t", to)
                .query(Long.class)
                .single();
    }

    private static Partner partner(ResultSet rs, int i) throws SQLException {
        return new Partner(
                rs.getString("partner_id"),
                rs.getString("partner_name"),
                rs.getString("kind"),
                rs.getString("org_path"),
                rs.getString("account_no"),
                rs.getInt("points_per_yuan"),
                rs.getString("algorithm"),
                rs.getString("public_key"),
                rs.getObject("joined_on", LocalDate.class),
                rs.getObject("left_on", LocalDate.class));
    }
}
