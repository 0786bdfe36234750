package org.ruralbank.directconnect.internal;

import static org.ruralbank.directconnect.internal.Instructions.replay;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Single payments as calls of the database's {@code dc_pay} (PostgreSQL, see {@link Payments}' one-call path): one
 * payment alone, or the single payments arriving together written in one statement (see {@link #together}). Its
 * parameters are built by {@link Payments} from the rules; here they are only sent and the rows read back.
 *
 * <p>Apart from {@link Payments} because the writing together (its lanes, its waiting requests, its fallback) is a
 * piece of its own, and {@link Payments} stays readable (under 600 lines) without it.
 */
final class OneCallPayments {

    /** The most single payments written in one statement. */
    static final int TOGETHER = 32;

    /** Lanes of single payments (see {@link #together}); each holds at most one connection at a time. */
    static final int LANES = 4;

    /** The call of {@code dc_pay} for one payment; its parameters are named as {@link Instructions#instruction}. */
    private static final String DC_PAY = """
            select outcome, instruction, transfer, answer_status, answer_code, answer_text, stored_hash
              from dc_pay(:key, :nonce, :seen,
                :e, :path, :k, :h, :ch, :msg, :pmt, :e2e, :d, :c, :cn, :ca, :at, :af, :cur, :ib, :bd, :now,
                :status, :rc, :rt, :prefix, :partner, :rdetail, :actor, :ddetail, :now,
                :keys, :limits, :credit, :kind, :timeout, :code, :ref, :limitRefusals, :funds, :core)
            """;

    private static final Pattern PARAMETER = Pattern.compile(":([A-Za-z]\\w*)");

    /** A single payment ready for {@code dc_pay}: the order and the call's parameters by name. */
    record Call(PaymentOrder order, Map<String, Object> params) {}

    /** What {@code dc_pay} answered for one payment: its outcome, and its result (null for a replayed nonce). */
    record Called(String outcome, PaymentResult result) {}

    private final JdbcClient db;
    private final Lane[] lanes = new Lane[LANES];

    OneCallPayments(JdbcClient db) {
        this.db = db;
        for (int i = 0; i < LANES; i++) {
            lanes[i] = new Lane();
        }
    }

    /** The payment as one call of {@code dc_pay}, in the caller's transaction if there is one. */
    Called alone(Call call) {
        return db.sql(DC_PAY)
                .params(call.params())
                .query((rs, i) -> called(call.order(), rs))
                .single();
    }

    /**
     * The payment written with the others of its lane waiting at the same moment, in one statement that commits by
     * itself (never in a caller's transaction). Single payments are written by lane, an enterprise's always in the
     * same one. At most one thread writes a lane's payments at a time: the thread of a payment that finds its lane
     * free writes every payment waiting in it (at most {@link #TOGETHER}) as one statement, one transaction with one
     * commit, and hands each its answer; the others wait for it. A payment that finds no one waiting is written
     * alone, at once. Under load the commit (the WAL flush every payment must wait for) is shared by the payments
     * that queued meanwhile, and a busy enterprise's limit and account rows are updated by one transaction after
     * the other instead of by payments queuing on their locks. Each payment keeps its own guarantees inside the
     * shared transaction: its nonce, its claim of the id with its answer and its posting are its own statements, in
     * the same lock order as alone (limit rows in key order, then account rows in account order); the lanes'
     * transactions take them in that order payment after payment. If the shared statement fails (an error, or a
     * deadlock with another lane's transaction that takes its payments' rows in another order) nothing of it is kept
     * and each payment is written alone. Throws what writing the payment threw.
     */
    Called together(Call call) {
        Lane lane = lanes[Math.floorMod(call.order().enterpriseId().hashCode(), lanes.length)];
        Waiting mine = new Waiting(call);
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
                            w.answer(new IllegalStateException("the payment was not written", e));
                        }
                    }
                } finally {
                    lane.writing.set(false);
                    // the lane is free again: the first payment still waiting in it writes next
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
        return (Called) mine.answer;
    }

    /**
     * Writes the payments in one statement as a lane's writer does (for tests): each one's {@link Called}, or what
     * writing it threw.
     */
    List<Object> writtenTogether(List<Call> calls) {
        List<Waiting> batch = calls.stream().map(Waiting::new).toList();
        write(batch);
        return batch.stream().map(w -> w.answer).toList();
    }

    /** Writes the payments in one statement (see {@link #together}), or one by one if that fails. */
    private void write(List<Waiting> batch) {
        if (batch.size() > 1) {
            Map<String, Object> params = new HashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                for (var p : batch.get(i).call.params().entrySet()) {
                    params.put(p.getKey() + "_" + i, p.getValue());
                }
            }
            List<Called> answers = new ArrayList<>(Collections.nCopies(batch.size(), (Called) null));
            boolean written;
            try {
                db.sql(dcPayTogether(batch.size())).params(params).query(rs -> {
                    int i = rs.getInt(8);
                    answers.set(i, called(batch.get(i).call.order(), rs));
                });
                written = true;
            } catch (RuntimeException failed) {
                written = false;
            }
            if (written) {
                for (int i = 0; i < batch.size(); i++) {
                    Called a = answers.get(i);
                    batch.get(i).answer(a != null ? a : new IllegalStateException("dc_pay gave no row for a payment"));
                }
                return;
            }
        }
        for (Waiting w : batch) {
            Object answer;
            try {
                answer = alone(w.call);
            } catch (RuntimeException e) {
                answer = e;
            }
            w.answer(answer);
        }
    }

    /**
     * {@code n} calls of {@code dc_pay} as one statement, the parameters of the i-th suffixed with {@code _i} and
     * its index as the last column: PostgreSQL runs them one after the other in one transaction.
     */
    private static String dcPayTogether(int n) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : " union all ")
                    .append(PARAMETER
                            .matcher(DC_PAY.replace(" stored_hash\n", " stored_hash, " + i + "\n"))
                            .replaceAll(":$1_" + i));
        }
        return sql.toString();
    }

    /** One payment's row of {@code dc_pay}. */
    private static Called called(PaymentOrder o, ResultSet rs) throws SQLException {
        String outcome = rs.getString(1);
        return new Called(
                outcome,
                switch (outcome) {
                    case "REPLAYED_NONCE" -> null;
                    case "EARLIER" ->
                        replay(
                                o.idemKey(),
                                o.contentHash(),
                                rs.getLong(2),
                                rs.getString(7),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(3));
                    default ->
                        new PaymentResult(
                                rs.getLong(2),
                                o.idemKey(),
                                rs.getString(4),
                                Refusal.stored(rs.getString(5), rs.getString(6)),
                                rs.getString(3),
                                false);
                });
    }

    private static final class Lane {
        final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
        final AtomicBoolean writing = new AtomicBoolean();
    }

    /** A payment waiting in its lane, and then its answer: a {@link Called} or what was thrown. */
    private static final class Waiting {
        final Call call;
        final Thread thread = Thread.currentThread();
        volatile Object answer;

        Waiting(Call call) {
            this.call = call;
        }

        void answer(Object a) {
            answer = a;
            if (thread != Thread.currentThread()) {
                LockSupport.unpark(thread);
            }
        }
    }
}
