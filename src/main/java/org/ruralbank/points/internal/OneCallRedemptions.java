package org.ruralbank.points.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.ruralbank.points.internal.JdbcPartners.Redeemed;
import org.ruralbank.points.internal.JdbcPartners.Redemption;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counter redemptions as calls of the database's {@code pt_redeem} (PostgreSQL, see {@link JdbcPartners#redeem}):
 * one alone, or the redemptions arriving together written in one statement (see {@link #together}), as the direct
 * connection writes its single payments.
 */
final class OneCallRedemptions {

    /** The most redemptions written in one statement. */
    static final int TOGETHER = 32;

    /** Lanes of redemptions (see {@link #together}); each holds at most one connection at a time. */
    static final int LANES = 4;

    private static final String PT_REDEEM = """
            select outcome, customer, stored_digest, answer
              from pt_redeem(:p, :n, :now, :o, :d, :pts, :card, :hash, :used, :m, :t, :date, :now,
                             :ok, :codeRefusal, :pointsRefusal)
            """;

    private static final Pattern PARAMETER = Pattern.compile(":([A-Za-z]\\w*)");

    private final JdbcClient db;
    private final Lane[] lanes = new Lane[LANES];

    OneCallRedemptions(JdbcClient db) {
        this.db = db;
        for (int i = 0; i < LANES; i++) {
            lanes[i] = new Lane();
        }
    }

    /** The redemption as one call of {@code pt_redeem}, in the caller's transaction if there is one. */
    Redeemed alone(Redemption r, Instant now) {
        return db.sql(PT_REDEEM)
                .params(params(r, now))
                .query((rs, i) -> new Redeemed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .single();
    }

    /**
     * The redemption written with the others of its lane waiting at the same moment, in one statement that commits
     * by itself (never in a caller's transaction). A merchant's redemptions always go to the same lane. At most one
     * thread writes a lane's redemptions at a time: the thread of a redemption that finds its lane free writes every
     * redemption waiting in it (at most {@link #TOGETHER}) as one statement, one transaction with one commit, and
     * hands each its answer; the others wait for it. A redemption that finds no one waiting is written alone, at once.
     * Under load the commit (the WAL flush every redemption waits for) is shared by the redemptions that queued
     * meanwhile. Each keeps its own guarantees inside the shared transaction: its nonce, its order's claim, its
     * code, its posting and its answer are its own statements, in the same lock order as alone (the order row, the
     * code row, account rows in account order, lots); a twin of an order in the same statement finds the order
     * claimed and answered, as it would after the first's commit. If the shared statement fails (an error, or a
     * deadlock with another lane's transaction that takes a customer's rows in another order) nothing of it is kept
     * and each redemption is written alone. Throws what writing the redemption threw.
     */
    Redeemed together(Redemption r, Instant now) {
        Lane lane = lanes[Math.floorMod(r.partnerId().hashCode(), lanes.length)];
        Waiting mine = new Waiting(params(r, now));
        lane.waiting.add(mine);
        while (mine.answer == null) {
            if (lane.writing.compareAndSet(false, true)) {
                List<Waiting> batch = new ArrayList<>();
                try {
                    for (Waiting w; batch.size() < TOGETHER && (w = lane.waiting.poll()) != null; ) {
                        batch.add(w);
                    }
                    write(batch);
                } catch (RuntimeException | Error e) {
                    // nobody may be left waiting for an answer that will not come: each is given the failure
                    for (Waiting w : batch) {
                        if (w.answer == null) {
                            w.answer(new IllegalStateException("the redemption was not written", e));
                        }
                    }
                } finally {
                    lane.writing.set(false);
                    // the lane is free again: the first redemption still waiting in it writes next
                    Waiting next = lane.waiting.peek();
                    if (next != null) {
                        LockSupport.unpark(next.thread);
                    }
                }
            } else {
                LockSupport.park(lane);
            }
        }
        if (mine.answer instanceof RuntimeException e) {
            throw e;
        }
        return (Redeemed) mine.answer;
    }

    /** Writes the redemptions in one statement as a lane's writer does (for tests). */
    List<Object> writtenTogether(List<Redemption> redemptions, Instant now) {
        List<Waiting> batch =
                redemptions.stream().map(r -> new Waiting(params(r, now))).toList();
        write(batch);
        return batch.stream().map(w -> w.answer).toList();
    }

    /** Writes the redemptions in one statement (see {@link #together}), or one by one if that fails. */
    private void write(List<Waiting> batch) {
        if (batch.size() > 1) {
            Map<String, Object> params = new HashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                for (var p : batch.get(i).params.entrySet()) {
                    params.put(p.getKey() + "_" + i, p.getValue());
                }
            }
            List<Redeemed> answers = new ArrayList<>(Collections.nCopies(batch.size(), (Redeemed) null));
            boolean written;
            try {
                db.sql(together(batch.size())).params(params).query(rs -> {
                    answers.set(
                            rs.getInt(5),
                            new Redeemed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                });
                written = true;
            } catch (RuntimeException failed) {
                written = false;
            }
            if (written) {
                for (int i = 0; i < batch.size(); i++) {
                    Redeemed a = answers.get(i);
                    batch.get(i).answer(a != null ? a : new IllegalStateException("pt_redeem gave no row"));
                }
                return;
            }
        }
        for (Waiting w : batch) {
            Object answer;
            try {
                answer = db.sql(PT_REDEEM)
                        .params(w.params)
                        .query((rs, i) ->
                                new Redeemed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        .single();
            } catch (RuntimeException e) {
                answer = e;
            }
            w.answer(answer);
        }
    }

    /**
     * {@code n} calls of {@code pt_redeem} as one statement, the parameters of the i-th suffixed with {@code _i} and
     * its index as the last column: PostgreSQL runs them one after the other in one transaction.
     */
    private static String together(int n) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : " union all ")
                    .append(PARAMETER
                            .matcher(PT_REDEEM.replace(" answer\n", " answer, " + i + "\n"))
                            .replaceAll(":$1_" + i));
        }
        return sql.toString();
    }

    private static Map<String, Object> params(Redemption r, Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("p", r.partnerId());
        p.put("n", r.nonce());
        p.put("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        p.put("o", r.orderId());
        p.put("d", r.requestDigest());
        p.put("pts", r.points());
        p.put("card", r.cardNo());
        p.put("hash", r.codeHash());
        p.put("used", r.usedBy());
        p.put("m", r.merchantAccount());
        p.put("t", r.transferId());
        p.put("date", r.businessDate());
        p.put("ok", r.redeemedAnswer());
        p.put("codeRefusal", r.codeRefusal());
        p.put("pointsRefusal", r.pointsRefusal());
        return p;
    }

    private static final class Lane {
        final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
        final AtomicBoolean writing = new AtomicBoolean();
    }

    /** A redemption waiting in its lane, and then its answer: a {@link Redeemed} or what was thrown. */
    private static final class Waiting {
        final Map<String, Object> params;
        final Thread thread = Thread.currentThread();
        volatile Object answer;

        Waiting(Map<String, Object> params) {
            this.params = params;
        }

        void answer(Object a) {
            answer = a;
            if (thread != Thread.currentThread()) {
                LockSupport.unpark(thread);
            }
        }
    }
}
