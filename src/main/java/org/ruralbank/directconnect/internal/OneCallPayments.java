package org.ruralbank.directconnect.internal;

import static org.ruralbank.directconnect.internal.Instructions.replay;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.ruralbank.platform.OneCallLanes;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Single payments as calls of the database's {@code dc_pay} (PostgreSQL, see {@link Payments}' one-call path): one
 * payment alone, or the single payments arriving together written in one statement, by lane, an enterprise's always
 * in the same one ({@link OneCallLanes}). Its parameters are built by {@link Payments} from the rules; here they are
 * only sent and the rows read back. Inside a shared transaction each payment's nonce, its claim of the id with its
 * answer and its posting are its own statements, in the same lock order as alone (limit rows in key order, then
 * account rows in account order).
 */
final class OneCallPayments {

    /** The call of {@code dc_pay} for one payment; its parameters are named as {@link Instructions#instruction}. */
    private static final String DC_PAY = """
            select outcome, instruction, transfer, answer_status, answer_code, answer_text, stored_hash
              from dc_pay(:key, :nonce, :seen,
                :e, :path, :k, :h, :ch, :msg, :pmt, :e2e, :d, :c, :cn, :ca, :at, :af, :cur, :ib, :bd, :now,
                :status, :rc, :rt, :prefix, :partner, :rdetail, :actor, :ddetail, :now,
                :keys, :limits, :credit, :kind, :timeout, :code, :ref, :limitRefusals, :funds, :core)
            """;

    /** A single payment ready for {@code dc_pay}: the order and the call's parameters by name. */
    record Call(PaymentOrder order, Map<String, Object> params) {}

    /** What {@code dc_pay} answered for one payment: its outcome, and its result (null for a replayed nonce). */
    record Called(String outcome, PaymentResult result) {}

    private final OneCallLanes<Call, Called> lanes;

    OneCallPayments(JdbcClient db) {
        this.lanes = new OneCallLanes<>(
                db, DC_PAY, Call::params, c -> c.order().enterpriseId(), (c, rs) -> called(c.order(), rs));
    }

    /** The payment as one call of {@code dc_pay}, in the caller's transaction if there is one. */
    Called alone(Call call) {
        return lanes.alone(call);
    }

    /** The payment written with the others of its lane waiting at the same moment ({@link OneCallLanes#together}). */
    Called together(Call call) {
        return lanes.together(call);
    }

    /**
     * Writes the payments in one statement as a lane's writer does (for tests): each one's {@link Called}, or what
     * writing it threw.
     */
    List<Object> writtenTogether(List<Call> calls) {
        return lanes.writtenTogether(calls);
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
}
