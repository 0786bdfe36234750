package org.ruralbank.directconnect.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The instructions of payments in the operational store ({@code dc_instruction} and its history
 * {@code dc_instruction_event}): an instruction claims the enterprise's id for its payment (a unique key, the insert
 * does nothing when the id is taken), a taken id answers with the stored answer or a DU03 rejection, and an answer
 * written as executed is corrected when the posting is refused. Columns are cut to their widths here, for both of
 * {@link Payments}' paths.
 */
@Repository
class Instructions {

    private final JdbcClient db;
    private final Clock clock;

    Instructions(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The stored result for an id, or a DU03 rejection when the id was used for a different payment. */
    Optional<PaymentResult> earlier(String enterpriseId, String idemKey, String hash) {
        return db.sql("""
                select instruction_id, content_hash, status, reason_code, reason_text, transfer_id
                  from dc_instruction where enterprise_id = :e and idem_key = :k
                """)
                .param("e", enterpriseId)
                .param("k", idemKey)
                .query((rs, i) -> replay(
                        idemKey,
                        hash,
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .optional();
    }

    /** The answer to a payment whose id is taken: the stored answer if its content is the same, else DU03. */
    static PaymentResult replay(
            String idemKey,
            String hash,
            long instructionId,
            String storedHash,
            String status,
            String reasonCode,
            String reasonText,
            String transferId) {
        return hash.equals(storedHash)
                ? new PaymentResult(
                        instructionId, idemKey, status, Refusal.stored(reasonCode, reasonText), transferId, true)
                : new PaymentResult(
                        null,
                        idemKey,
                        "RJCT",
                        StatusReason.DUPLICATE_TRANSACTION.because(
                                "this id was already used for a different payment; nothing was executed"),
                        null,
                        false);
    }

    /** Inserts the instruction and returns its id; null when its id is already taken. */
    @Nullable
    Long insert(PaymentOrder o, String orgPath, String hash, Long amount, boolean interBank, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        db.sql("""
                insert into dc_instruction (enterprise_id, org_path, idem_key, content_hash, channel, msg_id,
                    pmt_inf_id, end_to_end_id, debit_account, credit_account, creditor_name, creditor_agent,
                    amount_text, amount_fen, currency, inter_bank, business_date, status, created_at)
                values (:e, :path, :k, :h, :ch, :msg, :pmt, :e2e, :d, :c, :cn, :ca, :at, :af, :cur, :ib, :bd, 'RCVD',
                    :now)
                on conflict do nothing
                """)
                .params(instruction(o, orgPath, hash, amount, interBank, now))
                .update(keys, "instruction_id");
        return inserted(keys);
    }

    /**
     * The instruction's columns by parameter name, cut to their widths, as both the one-call and the
     * statement-by-statement path store them.
     */
    static Map<String, Object> instruction(
            PaymentOrder o, String orgPath, String hash, Long amount, boolean interBank, OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("e", o.enterpriseId());
        p.put("path", orgPath);
        p.put("k", o.idemKey());
        p.put("h", hash);
        p.put("ch", o.channel());
        p.put("msg", cut(o.msgId(), 35));
        p.put("pmt", cut(o.pmtInfId(), 35));
        p.put("e2e", cut(o.endToEndId(), 35));
        p.put("d", cut(o.debitAccount(), 34));
        p.put("c", cut(o.creditAccount(), 34));
        p.put("cn", cut(o.creditorName(), 140));
        p.put("ca", cut(o.creditorAgent(), 35));
        p.put("at", cut(o.amountText(), 40));
        p.put("af", amount);
        p.put("cur", cut(o.currency(), 3));
        p.put("ib", interBank);
        p.put("bd", o.businessDate());
        p.put("now", now);
        return p;
    }

    static @Nullable Long inserted(GeneratedKeyHolder keys) {
        return keys.getKeyList().isEmpty() ? null : keys.getKeyAs(Number.class).longValue();
    }

    /** Rejects a payment whose answer was written as executed before its posting was refused (see run). */
    PaymentResult refused(long id, PaymentOrder o, Refusal why) {
        db.sql("update dc_instruction set status = 'RJCT', reason_code = :c, reason_text = :t, transfer_id = null "
                        + "where instruction_id = :id")
                .param("c", why.code())
                .param("t", cut(why.text(), 200))
                .param("id", id)
                .update();
        db.sql("update dc_instruction_event set status = 'RJCT', actor = 'rules', detail = :d "
                        + "where instruction_id = :id and status <> 'RCVD'")
                .param("d", cut(why.code() + " " + why.text(), 400))
                .param("id", id)
                .update();
        return new PaymentResult(id, o.idemKey(), "RJCT", why, null, false);
    }

    void event(long instructionId, String status, String actor, String detail) {
        db.sql("insert into dc_instruction_event (instruction_id, occurred_at, status, actor, detail) "
                        + "values (:id, :now, :s, :a, :d)")
                .param("id", instructionId)
                .param("now", OffsetDateTime.now(clock))
                .param("s", status)
                .param("a", cut(actor, 60))
                .param("d", cut(detail, 400))
                .update();
    }

    static @Nullable String cut(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }
}
