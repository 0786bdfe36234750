package org.ruralbank.directconnect.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.ruralbank.directconnect.CoreBanking;
import org.ruralbank.directconnect.CoreBanking.Outcome;
import org.ruralbank.directconnect.CoreBanking.Transfer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executes payments exactly once, within limits, without overdraft.
 *
 * <p>Each payment is one database transaction: the instruction row claims the enterprise's id for it (a unique
 * key), the limit-usage rows are locked in key order, then the core locks the account rows in account order and
 * posts. Every concurrent payment takes its locks in this same order, so none can deadlock, and every check reads
 * values nobody else can change before the commit: no interleaving exceeds a limit or overdraws an account.
 */
@Service
public class Payments {

    /** This bank's own codes as creditor agent (a payment naming one, or no agent, is intra-bank). */
    public static final java.util.Set<String> OWN_BANK = java.util.Set.of("RURALBANK", "RURBCNBJ", "RURBCNBJXXX");
    public static final String CLEARING_ACCOUNT = "DC-CLEARING";
    public static final String OPENING_ACCOUNT = "DC-OPENING";
    /** How long an inter-bank payment may wait for the clearing hand-off before its reservation expires. */
    public static final Duration CLEARING_TIMEOUT = Duration.ofDays(3);

    private final JdbcClient db;
    private final CoreBanking core;
    private final Directory directory;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final Clock clock;

    Payments(JdbcClient db, CoreBanking core, Directory directory, Notifications notifications,
            TransactionTemplate tx, Clock clock) {
        this.db = db;
        this.core = core;
        this.directory = directory;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
    }

    /** Executes the payment, or answers the stored result of an identical earlier one. Never throws for input. */
    public PaymentResult execute(PaymentOrder order) {
        String hash = order.contentHash();
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<PaymentResult> earlier = earlier(order.enterpriseId(), order.idemKey(), hash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            try {
                return tx.execute(status -> run(order, hash));
            } catch (DuplicateKeyException sameIdInParallel) {
                // another request with this id committed first: answer as a replay (or a conflict) of it
            }
        }
        throw new IllegalStateException("instruction " + order.idemKey() + " neither found nor inserted");
    }

    /** The stored result for an id, or a DU03 rejection when the id was used for a different payment. */
    public Optional<PaymentResult> earlier(String enterpriseId, String idemKey, String hash) {
        return db.sql("""
                select instruction_id, content_hash, status, reason_code, reason_text, transfer_id
                  from dc_instruction where enterprise_id = :e and idem_key = :k
                """).param("e", enterpriseId).param("k", idemKey).query((rs, i) -> hash.equals(rs.getString(2))
                        ? new PaymentResult(rs.getLong(1), idemKey, rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), true)
                        : new PaymentResult(null, idemKey, "RJCT", "DU03",
                                "this id was already used for a different payment; nothing was executed", null,
                                false)).optional();
    }

    private PaymentResult run(PaymentOrder o, String hash) {
        Directory.Enterprise ent = directory.enterprise(o.enterpriseId()).orElseThrow();
        Long amount = Amounts.fen(o.amountText()).orElse(null);
        boolean interBank = o.creditorAgent() != null && !o.creditorAgent().isBlank()
                && !OWN_BANK.contains(o.creditorAgent().trim().toUpperCase(java.util.Locale.ROOT));
        long id = insert(o, ent, hash, amount, interBank);
        event(id, "RCVD", "partner:" + o.enterpriseId(), o.channel() + " " + o.idemKey());

        if (!ent.active()) {
            return reject(id, o, "AG01", "the enterprise's direct connection is suspended");
        }
        if (!"CNY".equals(o.currency())) {
            return reject(id, o, "AM03", "only CNY is accepted, not " + o.currency());
        }
        if (amount == null) {
            return reject(id, o, "AM12", "amount must be positive with at most two decimals: " + o.amountText());
        }
        Optional<Directory.Grant> grant = directory.grant(o.enterpriseId(), nz(o.debitAccount()))
                .filter(Directory.Grant::canPay);
        if (grant.isEmpty()) {
            return reject(id, o, "AC01", "debit account unknown or not granted for payment: " + o.debitAccount());
        }
        if (o.creditAccount() == null || o.creditAccount().isBlank() || o.creditAccount().equals(o.debitAccount())) {
            return reject(id, o, "AC03", "creditor account missing or equal to the debit account");
        }
        if (!interBank && !directory.isCustomerAccount(o.creditAccount())) {
            return reject(id, o, "AC03", "no account " + o.creditAccount() + " at this bank");
        }
        if (amount > ent.perTxnLimitFen()) {
            return reject(id, o, "AM02", "above the enterprise's per-transaction limit of "
                    + Amounts.yuan(ent.perTxnLimitFen()) + " yuan");
        }
        Directory.Grant g = grant.get();
        if (g.perTxnLimitFen() != null && amount > g.perTxnLimitFen()) {
            return reject(id, o, "AM02", "above the account's per-transaction limit of "
                    + Amounts.yuan(g.perTxnLimitFen()) + " yuan");
        }

        // limit rows first, in key order; the core locks account rows after them
        TreeMap<String, Long> limits = new TreeMap<>();
        limits.put("E:" + o.enterpriseId(), ent.dailyLimitFen());
        if (g.dailyLimitFen() != null) {
            limits.put("A:" + o.enterpriseId() + ":" + g.accountNo(), g.dailyLimitFen());
        }
        for (var limit : limits.entrySet()) {
            long used = lockUsage(limit.getKey(), o.businessDate());
            if (used + amount > limit.getValue()) {
                return reject(id, o, "AM02", "above the daily limit of " + Amounts.yuan(limit.getValue())
                        + " yuan (" + Amounts.yuan(used) + " already used on " + o.businessDate() + ")");
            }
        }

        String transferId = "PAY-" + id;
        Transfer t = interBank
                ? Transfer.pending(transferId, o.debitAccount(), CLEARING_ACCOUNT, amount,
                        clock.instant().plus(CLEARING_TIMEOUT), "CLEARING", o.idemKey(), o.businessDate())
                : Transfer.posted(transferId, o.debitAccount(), o.creditAccount(), amount, "PAYMENT", o.idemKey(),
                        o.businessDate());
        Outcome outcome = core.transfer(t);
        if (outcome == Outcome.EXCEEDS_CREDITS) {
            return reject(id, o, "AM04", "insufficient funds on " + o.debitAccount());
        }
        if (!outcome.succeeded()) {
            return reject(id, o, "NARR", "the core refused the posting: " + outcome);
        }
        for (String key : limits.keySet()) {
            db.sql("update dc_limit_usage set used_fen = used_fen + :a where usage_key = :k and business_date = :d")
                    .param("a", amount).param("k", key).param("d", o.businessDate()).update();
        }
        String status = interBank ? "ACSP" : "ACSC";
        db.sql("update dc_instruction set status = :s, transfer_id = :t where instruction_id = :id")
                .param("s", status).param("t", transferId).param("id", id).update();
        event(id, status, "core", interBank ? "reserved for the clearing hand-off as " + transferId
                : "posted as " + transferId);
        notifications.enqueue(transferId);
        return new PaymentResult(id, o.idemKey(), status, null, null, transferId, false);
    }

    /** Locks the usage row of a limit for the business date (creating it at zero) and returns the amount used. */
    long lockUsage(String key, LocalDate date) {
        db.sql("insert into dc_limit_usage (usage_key, business_date, used_fen) values (:k, :d, 0) "
                + "on conflict do nothing").param("k", key).param("d", date).update();
        return db.sql("select used_fen from dc_limit_usage where usage_key = :k and business_date = :d for update")
                .param("k", key).param("d", date).query(Long.class).single();
    }

    private long insert(PaymentOrder o, Directory.Enterprise ent, String hash, Long amount, boolean interBank) {
        var keys = new GeneratedKeyHolder();
        db.sql("""
                insert into dc_instruction (enterprise_id, org_path, idem_key, content_hash, channel, msg_id,
                    pmt_inf_id, end_to_end_id, debit_account, credit_account, creditor_name, creditor_agent,
                    amount_text, amount_fen, currency, inter_bank, business_date, status, created_at)
                values (:e, :path, :k, :h, :ch, :msg, :pmt, :e2e, :d, :c, :cn, :ca, :at, :af, :cur, :ib, :bd, 'RCVD',
                    :now)
                """).param("e", o.enterpriseId()).param("path", ent.orgPath()).param("k", o.idemKey())
                .param("h", hash).param("ch", o.channel()).param("msg", cut(o.msgId(), 35))
                .param("pmt", cut(o.pmtInfId(), 35)).param("e2e", cut(o.endToEndId(), 35))
                .param("d", cut(o.debitAccount(), 34)).param("c", cut(o.creditAccount(), 34))
                .param("cn", cut(o.creditorName(), 140)).param("ca", cut(o.creditorAgent(), 35))
                .param("at", cut(o.amountText(), 40)).param("af", amount).param("cur", cut(o.currency(), 3))
                .param("ib", interBank).param("bd", o.businessDate()).param("now", OffsetDateTime.now(clock))
                .update(keys, "instruction_id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private PaymentResult reject(long id, PaymentOrder o, String code, String text) {
        db.sql("update dc_instruction set status = 'RJCT', reason_code = :c, reason_text = :t "
                + "where instruction_id = :id").param("c", code).param("t", cut(text, 200)).param("id", id).update();
        event(id, "RJCT", "rules", code + " " + text);
        return new PaymentResult(id, o.idemKey(), "RJCT", code, text, null, false);
    }

    void event(long instructionId, String status, String actor, String detail) {
        db.sql("insert into dc_instruction_event (instruction_id, occurred_at, status, actor, detail) "
                + "values (:id, :now, :s, :a, :d)").param("id", instructionId)
                .param("now", OffsetDateTime.now(clock)).param("s", status).param("a", cut(actor, 60))
                .param("d", cut(detail, 400)).update();
    }

    /** Settles (posts) or returns (voids) inter-bank payments after the clearing hand-off. */
    public Outcome clearingResult(long instructionId, boolean settled, String actor, LocalDate businessDate) {
        return tx.execute(status -> {
            String pending = db.sql("select transfer_id from dc_instruction where instruction_id = :id and "
                    + "status = 'ACSP'").param("id", instructionId).query(String.class).optional().orElse(null);
            if (pending == null) {
                return Outcome.PENDING_NOT_FOUND;
            }
            Outcome out = core.resolve(pending + (settled ? "-POST" : "-VOID"), pending,
                    settled ? CoreBanking.Kind.POST : CoreBanking.Kind.VOID, businessDate);
            if (out == Outcome.OK) {
                db.sql("update dc_instruction set status = :s, reason_code = :r where instruction_id = :id")
                        .param("s", settled ? "ACSC" : "RJCT").param("r", settled ? null : "NARR")
                        .param("id", instructionId).update();
                event(instructionId, settled ? "ACSC" : "RJCT", actor,
                        settled ? "settled by the clearing" : "returned by the clearing");
            }
            return out;
        });
    }

    public List<Long> openClearing() {
        return new ArrayList<>(db.sql("select instruction_id from dc_instruction where status = 'ACSP' "
                + "order by instruction_id").query(Long.class).list());
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
