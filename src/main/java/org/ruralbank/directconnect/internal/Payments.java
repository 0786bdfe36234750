package org.ruralbank.directconnect.internal;

import static org.ruralbank.directconnect.internal.Instructions.cut;
import static org.ruralbank.directconnect.internal.Instructions.instruction;
import static org.ruralbank.directconnect.internal.PaymentRules.TRANSFER_PREFIX;
import static org.ruralbank.directconnect.internal.PaymentRules.codeAndText;
import static org.ruralbank.directconnect.internal.PaymentRules.coreRefusal;
import static org.ruralbank.directconnect.internal.PaymentRules.decidedDetail;
import static org.ruralbank.directconnect.internal.PaymentRules.interBank;
import static org.ruralbank.directconnect.internal.PaymentRules.limitRefusal;
import static org.ruralbank.directconnect.internal.PaymentRules.limits;
import static org.ruralbank.directconnect.internal.PaymentRules.refusal;
import static org.ruralbank.directconnect.internal.StatusReason.NARRATIVE;

import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.ruralbank.directconnect.CoreBanking;
import org.ruralbank.directconnect.CoreBanking.Outcome;
import org.ruralbank.directconnect.CoreBanking.Transfer;
import org.ruralbank.directconnect.internal.PaymentRules.Context;
import org.ruralbank.platform.StoreDialect;
import org.ruralbank.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executes payments exactly once, within limits, without overdraft.
 *
 * <p>A payment commits in one database transaction with its answer (a JSON payment alone, a pain.001 job's
 * payments by chunks, see {@link Batches}): the instruction row claims the enterprise's id for it (a unique key),
 * the limit-usage rows are locked in key order, then the core locks the account rows in account order and posts. Every concurrent payment takes its locks in this same order, so none can deadlock, and every check reads
 * values nobody else can change before the commit: no interleaving exceeds a limit or overdraws an account.
 */
@Service
public class Payments {

    public static final String CLEARING_ACCOUNT = "DC-CLEARING";
    public static final String OPENING_ACCOUNT = "DC-OPENING";
    /** How long an inter-bank payment may wait for the clearing hand-off before its reservation expires. */
    public static final Duration CLEARING_TIMEOUT = Duration.ofDays(3);

    private final JdbcClient db;
    /** For the statements sent as JDBC batches. */
    private final JdbcTemplate jdbc;

    private final CoreBanking core;
    private final Directory directory;
    private final Notifications notifications;
    private final Nonces nonces;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Instructions instructions;
    private final OneCallPayments oneCalls;
    /**
     * Whether a single payment runs as one call of the database's {@code dc_pay} (PostgreSQL with the built-in
     * ledger, see {@link #executeInOneCall}) rather than statement by statement.
     */
    private final boolean oneCall;

    @Autowired
    Payments(
            JdbcClient db,
            DataSource dataSource,
            CoreBanking core,
            Directory directory,
            Notifications notifications,
            Nonces nonces,
            TransactionTemplate tx,
            Clock clock,
            Instructions instructions) {
        this.db = db;
        this.jdbc = new JdbcTemplate(dataSource);
        this.core = core;
        this.directory = directory;
        this.notifications = notifications;
        this.nonces = nonces;
        this.tx = tx;
        this.clock = clock;
        this.instructions = instructions;
        this.oneCalls = new OneCallPayments(db);
        this.oneCall = core instanceof LedgerCoreBanking && StoreDialect.of(dataSource) == StoreDialect.POSTGRESQL;
    }

    private Payments(Payments p, boolean oneCall) {
        this.db = p.db;
        this.jdbc = p.jdbc;
        this.core = p.core;
        this.directory = p.directory;
        this.notifications = p.notifications;
        this.nonces = p.nonces;
        this.tx = p.tx;
        this.clock = p.clock;
        this.instructions = p.instructions;
        this.oneCalls = p.oneCalls;
        this.oneCall = oneCall;
    }

    /** Whether single payments run as one call of {@code dc_pay}. */
    boolean inOneCall() {
        return oneCall;
    }

    /** The same payments statement by statement, as on any database (to compare the two ways in tests). */
    Payments statementByStatement() {
        return new Payments(this, false);
    }

    /** Executes the payment, or answers the stored result of an identical earlier one. Never throws for input. */
    public PaymentResult execute(PaymentOrder order) {
        return execute(order, null);
    }

    /**
     * As {@link #execute(PaymentOrder)}, recording the request's nonce (when given) in the same transaction as the
     * payment or as the replay's answer: the nonce is spent exactly when an answer commits, and a request that
     * reuses it is refused ({@code replayed-nonce}) before it executes anything.
     */
    public PaymentResult execute(PaymentOrder order, Nonces.Claim nonce) {
        return execute(order, nonce, null);
    }

    /**
     * A second balance a payment draws on in its own transaction (a treasury quota). It is taken after the daily
     * limits and before the posting, so its rows are locked between the limit rows and the account rows; it is
     * given back when the posting is refused, and told the instruction and transfer when the payment is posted.
     */
    public interface Charge {
        /** What the charge adds to the payment's content: a replay must match it too. */
        String content();

        /** Takes the amount, or answers why not. */
        Refusal take(long amountFen);

        void giveBack(long amountFen);

        void posted(long instructionId, String transferId, long amountFen);
    }

    /** As {@link #execute(PaymentOrder, Nonces.Claim)}, drawing on {@code charge} too (when not null). */
    public PaymentResult execute(PaymentOrder order, Nonces.Claim nonce, Charge charge) {
        if (oneCall && charge == null) {
            PaymentResult result = executeInOneCall(order, nonce);
            committed(nonce);
            return result;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                PaymentResult result = tx.execute(status -> {
                    nonces.recordOrRefuse(nonce);
                    return run(List.of(order), charge).get(0);
                });
                committed(nonce);
                return result;
            } catch (DuplicateKeyException raced) {
                // H2 may report an id inserted in parallel as a duplicate instead of waiting for it: the next
                // attempt finds it and answers as its replay
            }
        }
        throw new IllegalStateException("instruction " + order.idemKey() + " neither found nor inserted");
    }

    /**
     * Executes the payments one after the other in the caller's transaction, each answering as {@link
     * #execute(PaymentOrder)} would; they commit (or roll back) together with whatever else the caller writes.
     */
    public List<PaymentResult> executeInTransaction(List<PaymentOrder> orders) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("executeInTransaction needs the caller's transaction");
        }
        return run(orders, null);
    }

    private static void committed(Nonces.Claim nonce) {
        if (nonce != null) {
            nonce.committed();
        }
    }

    private Context context(PaymentOrder o) {
        Directory.PaymentRules rules = directory
                .paymentRules(o.enterpriseId())
                .orElseThrow(() -> new IllegalStateException("no enterprise " + o.enterpriseId()));
        Directory.Enterprise e = rules.enterprise();
        Directory.Grant g = o.debitAccount() == null ? null : rules.grants().get(o.debitAccount());
        String creditKind = o.creditAccount() == null
                ? null
                : directory.accountKind(o.creditAccount()).orElse(null);
        return new Context(
                e.status(),
                e.orgPath(),
                e.perTxnLimitFen(),
                e.dailyLimitFen(),
                g != null && g.canPay(),
                g == null ? null : g.accountNo(),
                g == null ? null : g.perTxnLimitFen(),
                g == null ? null : g.dailyLimitFen(),
                creditKind);
    }

    /** A payment on its way: its instruction, and its answer as written before it posts. */
    private record Claimed(
            int index,
            PaymentOrder order,
            long id,
            OffsetDateTime received,
            Context ctx,
            Long amountFen,
            boolean interBank,
            PaymentResult answer) {

        boolean toPost() {
            return !answer.rejected();
        }
    }

    /**
     * Executes the payments in order in the current transaction. Each claims its id with its instruction row (or
     * answers as the replay of the one that holds it) and is judged by the rules; then the answers of all are
     * written (in two statements, whatever their number); then each takes its limits and posts, in order. A
     * payment whose posting is refused has its answer corrected before the commit. Writing the answers before the
     * limit and account rows are locked keeps those statements out of the span in which the rows stay locked
     * (until the commit): a busy enterprise's payments queue on them.
     */
    private List<PaymentResult> run(List<PaymentOrder> orders, Charge charge) {
        List<PaymentResult> results = new ArrayList<>(orders.size());
        List<Claimed> claimed = new ArrayList<>();
        for (PaymentOrder o : orders) {
            String hash = charge == null
                    ? o.contentHash()
                    : PartnerOperations.sha256(PartnerOperations.utf8(o.contentHash() + "\u001f" + charge.content()));
            Context ctx = context(o);
            PaymentOrder.Amount parsed = o.amount();
            Long amount = parsed instanceof PaymentOrder.Fen f ? f.fen() : null;
            boolean interBank = interBank(o);
            OffsetDateTime received = OffsetDateTime.now(clock);
            Long id = instructions.insert(o, ctx.orgPath(), hash, amount, interBank, received);
            if (id == null) {
                // the id is taken (an earlier request, or one committed in parallel): answer as its replay
                results.add(instructions
                        .earlier(o.enterpriseId(), o.idemKey(), hash)
                        .orElseThrow(() -> new IllegalStateException(
                                "instruction " + o.idemKey() + " neither inserted nor found")));
                continue;
            }
            PaymentResult answer = answer(o, id, refusal(o, ctx, parsed, amount, interBank), interBank);
            Claimed c = new Claimed(results.size(), o, id, received, ctx, amount, interBank, answer);
            claimed.add(c);
            results.add(answer);
        }
        answer(claimed);
        for (Claimed c : claimed) {
            if (c.toPost()) {
                PaymentResult posted = post(c, charge);
                results.set(c.index(), posted);
            }
        }
        return results;
    }

    /** The answer to a payment the rules refuse or let through ({@code refusal} null), as written first. */
    private static PaymentResult answer(PaymentOrder o, long id, Refusal refusal, boolean interBank) {
        return refusal != null
                ? new PaymentResult(id, o.idemKey(), "RJCT", refusal, null, false)
                : new PaymentResult(id, o.idemKey(), interBank ? "ACSP" : "ACSC", null, TRANSFER_PREFIX + id, false);
    }

    /**
     * A single payment as one statement, {@code dc_pay} (PostgreSQL, db/vendor/postgresql V16): it records the
     * nonce, claims the id with the answer the rules give here, writes its history, takes the limits and posts as
     * {@link #run} and {@link LedgerCoreBanking#transfer} do statement by statement, in the same order with the same
     * locks, and corrects the answer when a limit or the core refuses. The call commits by itself, alone or with
     * the other single payments arriving at the same moment ({@link OneCallPayments#together}): its rows are
     * unlocked by that commit without waiting for this thread. A payment to or from a watched account runs in a
     * transaction with its notification, as on any database, and a payment in the caller's transaction alone in it.
     */
    private PaymentResult executeInOneCall(PaymentOrder o, Nonces.Claim nonce) {
        OneCall one = oneCall(o, nonce);
        OneCallPayments.Called called = one.watched()
                ? tx.execute(status -> {
                    OneCallPayments.Called c = oneCalls.alone(one.call());
                    if (c.outcome().equals("OK") || c.outcome().equals("EXISTS")) {
                        Transfer t = one.posting();
                        notifications.enqueue(transfer(o, c.result().transferId(), t.amountFen(), one.interBank()));
                    }
                    return c;
                })
                : TransactionSynchronizationManager.isActualTransactionActive()
                        ? oneCalls.alone(one.call())
                        : oneCalls.together(one.call());
        return result(called, nonce);
    }

    private static PaymentResult result(OneCallPayments.Called called, Nonces.Claim nonce) {
        if (called.result() == null) {
            throw Nonces.replayed(nonce);
        }
        return called.result();
    }

    /** A payment's call of {@code dc_pay}; {@code watched}: written with a notification, in a transaction. */
    private record OneCall(OneCallPayments.Call call, boolean watched, Transfer posting, boolean interBank) {}

    /** The payment's call of {@code dc_pay}: its parameters, with the answer and limits the rules give here. */
    private OneCall oneCall(PaymentOrder o, Nonces.Claim nonce) {
        Context ctx = context(o);
        PaymentOrder.Amount parsed = o.amount();
        Long amount = parsed instanceof PaymentOrder.Fen f ? f.fen() : null;
        boolean interBank = interBank(o);
        Refusal refusal = refusal(o, ctx, parsed, amount, interBank);
        // the answer as the rules give it, written with the claim; its id and transfer id come from the database
        PaymentResult rules = answer(o, 0, refusal, interBank);
        TreeMap<String, Long> limits = refusal == null ? limits(o, ctx) : new TreeMap<>();
        // the transfer to post, but for its id (the instruction's, from the database)
        Transfer posting = transfer(o, null, amount == null ? 0 : amount, interBank);
        Nonces.Claim claim = nonce == null || nonce.recorded ? null : nonce;
        Map<String, Object> p =
                instruction(o, ctx.orgPath(), o.contentHash(), amount, interBank, OffsetDateTime.now(clock));
        p.put("key", claim == null ? null : claim.keyId);
        p.put("nonce", claim == null ? null : claim.nonce);
        p.put("seen", claim == null ? null : OffsetDateTime.ofInstant(claim.seenAt, ZoneOffset.UTC));
        p.put("status", rules.status());
        p.put("rc", rules.reasonCode());
        p.put("rt", cut(rules.reasonText(), 200));
        p.put("prefix", TRANSFER_PREFIX);
        p.put("partner", cut("partner:" + o.enterpriseId(), 60));
        p.put("rdetail", cut(o.channel() + " " + o.idemKey(), 400));
        p.put("actor", rules.rejected() ? "rules" : "core");
        p.put("ddetail", decidedDetail(rules, interBank));
        p.put("keys", limits.keySet().toArray(String[]::new));
        p.put("limits", limits.values().toArray(Long[]::new));
        p.put("credit", posting.creditAccount());
        p.put("kind", posting.kind().name());
        p.put(
                "timeout",
                posting.timeout() == null ? null : OffsetDateTime.ofInstant(posting.timeout(), ZoneOffset.UTC));
        p.put("code", posting.code());
        p.put("ref", posting.reference());
        p.put(
                "limitRefusals",
                limits.values().stream()
                        .map(l -> codeAndText(limitRefusal(l, o.businessDate())))
                        .toArray(String[]::new));
        p.put("funds", codeAndText(coreRefusal(o, Outcome.EXCEEDS_CREDITS.name())));
        p.put("core", codeAndText(coreRefusal(o, "{outcome}")));
        boolean watched = refusal == null
                && (directory.watched(posting.debitAccount()) || directory.watched(posting.creditAccount()));
        return new OneCall(new OneCallPayments.Call(o, p), watched, posting, interBank);
    }

    /**
     * Writes the payments in one statement as {@link OneCallPayments#together} does (for tests): each one's result,
     * or what its caller would be thrown.
     */
    List<Object> writtenTogether(List<PaymentOrder> orders, List<Nonces.Claim> nonces) {
        List<OneCallPayments.Call> calls = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            calls.add(oneCall(orders.get(i), nonces.get(i)).call());
        }
        List<Object> written = new ArrayList<>(oneCalls.writtenTogether(calls));
        for (int i = 0; i < written.size(); i++) {
            if (written.get(i) instanceof OneCallPayments.Called c) {
                try {
                    written.set(i, result(c, nonces.get(i)));
                } catch (RuntimeException e) {
                    written.set(i, e);
                }
            }
        }
        return written;
    }

    /**
     * Writes each payment's answer and its first two history entries (received, decided), as JDBC batches: one
     * round trip each for any number of payments.
     */
    private void answer(List<Claimed> claimed) {
        if (claimed.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.batchUpdate(
                "update dc_instruction set status = ?, reason_code = ?, reason_text = ?, transfer_id = ? "
                        + "where instruction_id = ?",
                claimed.stream()
                        .map(c -> new Object[] {
                            c.answer().status(),
                            c.answer().reasonCode(),
                            cut(c.answer().reasonText(), 200),
                            c.answer().transferId(),
                            c.id()
                        })
                        .toList(),
                new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT});
        jdbc.batchUpdate(
                "insert into dc_instruction_event (instruction_id, occurred_at, status, actor, detail) "
                        + "values (?, ?, 'RCVD', ?, ?), (?, ?, ?, ?, ?)",
                claimed.stream()
                        .map(c -> {
                            PaymentResult a = c.answer();
                            String detail = decidedDetail(a, c.interBank()) + (a.rejected() ? "" : a.transferId());
                            return new Object[] {
                                c.id(),
                                c.received(),
                                cut("partner:" + c.order().enterpriseId(), 60),
                                cut(c.order().channel() + " " + c.order().idemKey(), 400),
                                c.id(),
                                now,
                                a.status(),
                                a.rejected() ? "rules" : "core",
                                cut(detail, 400)
                            };
                        })
                        .toList(),
                new int[] {
                    Types.BIGINT,
                    Types.TIMESTAMP_WITH_TIMEZONE,
                    Types.VARCHAR,
                    Types.VARCHAR,
                    Types.BIGINT,
                    Types.TIMESTAMP_WITH_TIMEZONE,
                    Types.VARCHAR,
                    Types.VARCHAR,
                    Types.VARCHAR
                });
    }

    /** Takes the payment's limits and posts it; its answer is already written, and corrected if it is refused. */
    private PaymentResult post(Claimed c, Charge charge) {
        PaymentOrder o = c.order();
        Context ctx = c.ctx();
        long amount = c.amountFen();
        // limit rows first, in key order; the core locks account rows after them
        List<String> taken = new ArrayList<>();
        for (var limit : limits(o, ctx).entrySet()) {
            if (!take(limit.getKey(), o.businessDate(), amount, limit.getValue())) {
                giveBack(taken, o.businessDate(), amount);
                return limitRefused(c.id(), o, limit.getKey(), limit.getValue());
            }
            taken.add(limit.getKey());
        }
        Refusal charged = charge == null ? null : charge.take(amount);
        if (charged != null) {
            giveBack(taken, o.businessDate(), amount);
            return instructions.refused(c.id(), o, charged);
        }
        String transferId = c.answer().transferId();
        Transfer t = transfer(o, transferId, amount, c.interBank());
        Outcome outcome = core.transfer(t);
        if (!outcome.succeeded()) {
            giveBack(taken, o.businessDate(), amount);
            if (charge != null) {
                charge.giveBack(amount);
            }
            return instructions.refused(c.id(), o, coreRefusal(o, outcome.name()));
        }
        if (directory.watched(t.debitAccount()) || directory.watched(t.creditAccount())) {
            notifications.enqueue(t);
        }
        if (charge != null) {
            charge.posted(c.id(), transferId, amount);
        }
        return c.answer();
    }

    /** A payment's transfer: posted to the creditor, or reserved for the clearing hand-off (inter-bank). */
    private Transfer transfer(PaymentOrder o, String transferId, long amount, boolean interBank) {
        return interBank
                ? Transfer.pending(
                        transferId,
                        o.debitAccount(),
                        CLEARING_ACCOUNT,
                        amount,
                        clock.instant().plus(CLEARING_TIMEOUT),
                        "CLEARING",
                        o.idemKey(),
                        o.businessDate())
                : Transfer.posted(
                        transferId,
                        o.debitAccount(),
                        o.creditAccount(),
                        amount,
                        "PAYMENT",
                        o.idemKey(),
                        o.businessDate());
    }

    /** Rejects a payment above a daily limit (the limits it took already given back). */
    private PaymentResult limitRefused(long id, PaymentOrder o, String key, long limitFen) {
        long used = db.sql("select used_fen from dc_limit_usage where usage_key = :k and business_date = :d")
                .param("k", key)
                .param("d", o.businessDate())
                .query(Long.class)
                .single();
        Refusal why = limitRefusal(limitFen, o.businessDate());
        return instructions.refused(
                id, o, new Refusal(why.reason(), why.text().replace("{used}", Money.yuanText(used))));
    }

    /**
     * Adds the amount to a limit's usage for the day if it stays within the limit. The update locks the row until
     * the commit, so concurrent payments of the same enterprise queue here, each seeing the others' totals.
     */
    private boolean take(String key, LocalDate date, long amount, long limit) {
        String sql = "update dc_limit_usage set used_fen = used_fen + :a where usage_key = :k and business_date = :d "
                + "and used_fen + :a <= :limit";
        if (db.sql(sql)
                        .param("a", amount)
                        .param("k", key)
                        .param("d", date)
                        .param("limit", limit)
                        .update()
                == 1) {
            return true;
        }
        // no row yet, or the limit refused: create the row if missing (a parallel first payment may win that
        // race, in which case this insert waits for it and does nothing) and try once more
        db.sql("insert into dc_limit_usage (usage_key, business_date, used_fen) values (:k, :d, 0) "
                        + "on conflict do nothing")
                .param("k", key)
                .param("d", date)
                .update();
        return db.sql(sql)
                        .param("a", amount)
                        .param("k", key)
                        .param("d", date)
                        .param("limit", limit)
                        .update()
                == 1;
    }

    private void giveBack(List<String> keys, LocalDate date, long amount) {
        for (String key : keys) {
            db.sql("update dc_limit_usage set used_fen = used_fen - :a where usage_key = :k and business_date = :d")
                    .param("a", amount)
                    .param("k", key)
                    .param("d", date)
                    .update();
        }
    }

    /** Settles (posts) or returns (voids) inter-bank payments after the clearing hand-off. */
    public Outcome clearingResult(long instructionId, boolean settled, String actor, LocalDate businessDate) {
        return tx.execute(status -> {
            String pending = db.sql("select transfer_id from dc_instruction where instruction_id = :id and "
                            + "status = 'ACSP'")
                    .param("id", instructionId)
                    .query(String.class)
                    .optional()
                    .orElse(null);
            if (pending == null) {
                return Outcome.PENDING_NOT_FOUND;
            }
            Outcome out = core.resolve(
                    pending + (settled ? "-POST" : "-VOID"),
                    pending,
                    settled ? CoreBanking.Kind.POST : CoreBanking.Kind.VOID,
                    businessDate);
            if (out == Outcome.OK) {
                db.sql("update dc_instruction set status = :s, reason_code = :r where instruction_id = :id")
                        .param("s", settled ? "ACSC" : "RJCT")
                        .param("r", settled ? null : NARRATIVE.code())
                        .param("id", instructionId)
                        .update();
                instructions.event(
                        instructionId,
                        settled ? "ACSC" : "RJCT",
                        actor,
                        settled ? "settled by the clearing" : "returned by the clearing");
            }
            return out;
        });
    }

    public List<Long> openClearing() {
        return new ArrayList<>(
                db.sql("select instruction_id from dc_instruction where status = 'ACSP' " + "order by instruction_id")
                        .query(Long.class)
                        .list());
    }
}
