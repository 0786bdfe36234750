package org.ruralbank.directconnect.internal;

import static org.ruralbank.directconnect.internal.StatusReason.INCORRECT_ACCOUNT_NUMBER;
import static org.ruralbank.directconnect.internal.StatusReason.INSUFFICIENT_FUNDS;
import static org.ruralbank.directconnect.internal.StatusReason.INVALID_CREDITOR_ACCOUNT_NUMBER;
import static org.ruralbank.directconnect.internal.StatusReason.NARRATIVE;
import static org.ruralbank.directconnect.internal.StatusReason.NOT_ALLOWED_AMOUNT;
import static org.ruralbank.directconnect.internal.StatusReason.NOT_ALLOWED_CURRENCY;
import static org.ruralbank.directconnect.internal.StatusReason.TRANSACTION_FORBIDDEN;

import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.ruralbank.directconnect.CoreBanking;
import org.ruralbank.directconnect.CoreBanking.Outcome;
import org.ruralbank.directconnect.CoreBanking.Transfer;
import org.ruralbank.platform.StoreDialect;
import org.ruralbank.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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

    /** This bank's own codes as creditor agent (a payment naming one, or no agent, is intra-bank). */
    public static final java.util.Set<String> OWN_BANK = java.util.Set.of("RURALBANK", "RURBCNBJ", "RURBCNBJXXX");

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
            Clock clock) {
        this.db = db;
        this.jdbc = new JdbcTemplate(dataSource);
        this.core = core;
        this.directory = directory;
        this.notifications = notifications;
        this.nonces = nonces;
        this.tx = tx;
        this.clock = clock;
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

    /** The stored result for an id, or a DU03 rejection when the id was used for a different payment. */
    public Optional<PaymentResult> earlier(String enterpriseId, String idemKey, String hash) {
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
    private static PaymentResult replay(
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

    /**
     * What the rules need to know about the enterprise, the debit grant and the creditor; from the directory's
     * memory, so that a payment reads nothing before it writes.
     */
    private record Context(
            String status,
            String orgPath,
            long perTxnLimitFen,
            long dailyLimitFen,
            boolean canPay,
            String grantedAccount,
            Long accountPerTxnFen,
            Long accountDailyFen,
            String creditKind) {}

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
            Long id = insert(o, ctx.orgPath(), hash, amount, interBank, received);
            if (id == null) {
                // the id is taken (an earlier request, or one committed in parallel): answer as its replay
                results.add(earlier(o.enterpriseId(), o.idemKey(), hash)
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

    private static boolean interBank(PaymentOrder o) {
        return o.creditorAgent() != null
                && !o.creditorAgent().isBlank()
                && !OWN_BANK.contains(o.creditorAgent().trim().toUpperCase(java.util.Locale.ROOT));
    }

    /** The answer to a payment the rules refuse or let through ({@code refusal} null), as written first. */
    private static PaymentResult answer(PaymentOrder o, long id, Refusal refusal, boolean interBank) {
        return refusal != null
                ? new PaymentResult(id, o.idemKey(), "RJCT", refusal, null, false)
                : new PaymentResult(id, o.idemKey(), interBank ? "ACSP" : "ACSC", null, TRANSFER_PREFIX + id, false);
    }

    /** An executed payment's transfer id is its instruction's id after this. */
    private static final String TRANSFER_PREFIX = "PAY-";

    /** The decided history entry's detail; for an executed payment the transfer id follows it. */
    private static String decidedDetail(PaymentResult a, boolean interBank) {
        return a.rejected()
                ? a.reasonCode() + " " + a.reasonText()
                : interBank ? "reserved for the clearing hand-off as " : "posted as ";
    }

    /** The call of {@code dc_pay} for one payment; its parameters are named as {@link #instruction} names them. */
    private static final String DC_PAY = """
            select outcome, instruction, transfer, answer_status, answer_code, answer_text, stored_hash
              from dc_pay(:key, :nonce, :seen,
                :e, :path, :k, :h, :ch, :msg, :pmt, :e2e, :d, :c, :cn, :ca, :at, :af, :cur, :ib, :bd, :now,
                :status, :rc, :rt, :prefix, :partner, :rdetail, :actor, :ddetail, :now,
                :keys, :limits, :credit, :kind, :timeout, :code, :ref, :limitRefusals, :funds, :core)
            """;

    private static final Pattern PARAMETER = Pattern.compile(":([A-Za-z]\\w*)");

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

    /** A single payment ready for {@code dc_pay}: its parameters, and whether it is written with a notification. */
    private record OneCall(
            PaymentOrder order,
            Map<String, Object> params,
            boolean watched,
            Transfer posting,
            boolean interBank) {}

    /** What {@code dc_pay} answered for one payment: its outcome, and the result (null for a replayed nonce). */
    private record Called(String outcome, PaymentResult result) {}

    /**
     * A single payment as one statement, {@code dc_pay} (PostgreSQL, db/vendor/postgresql V16): it records the
     * nonce, claims the id with the answer the rules give here, writes its history, takes the limits and posts as
     * {@link #run} and {@link LedgerCoreBanking#transfer} do statement by statement, in the same order with the same
     * locks, and corrects the answer when a limit or the core refuses. The call commits by itself, alone or with
     * other single payments of its lane (see {@link #writeTogether}): its rows are unlocked by that commit without
     * waiting for this thread. A payment to or from a watched account runs in a transaction with its notification,
     * as on any database.
     */
    private PaymentResult executeInOneCall(PaymentOrder o, Nonces.Claim nonce) {
        OneCall call = oneCall(o, nonce);
        Object called = call.watched()
                ? tx.execute(status -> {
                    Called c = callAlone(call);
                    if (c.outcome().equals("OK") || c.outcome().equals("EXISTS")) {
                        notifications.enqueue(
                                transfer(o, c.result().transferId(), call.posting().amountFen(), call.interBank()));
                    }
                    return c;
                })
                : TransactionSynchronizationManager.isActualTransactionActive()
                        // in the caller's transaction: no other payment may join it
                        ? callAlone(call)
                        : writeTogether(call);
        return result(called, nonce);
    }

    /** A payment's result from its answer: a {@link Called}, or what was thrown while writing it (thrown again). */
    private static PaymentResult result(Object answer, Nonces.Claim nonce) {
        if (answer instanceof RuntimeException e) {
            throw e;
        }
        Called called = (Called) answer;
        if (called.result() == null) {
            throw Nonces.replayed(nonce);
        }
        return called.result();
    }

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
        p.put("timeout", posting.timeout() == null ? null : OffsetDateTime.ofInstant(posting.timeout(), ZoneOffset.UTC));
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
        return new OneCall(o, p, watched, posting, interBank);
    }

    private Called callAlone(OneCall call) {
        return db.sql(DC_PAY).params(call.params()).query((rs, i) -> called(call.order(), rs)).single();
    }

    /** One payment's row of {@code dc_pay}. */
    private static Called called(PaymentOrder o, java.sql.ResultSet rs) throws java.sql.SQLException {
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

    /**
     * Single payments are written by lane, an enterprise's always in the same one. At most one thread writes a
     * lane's payments at a time: the thread of a payment that finds its lane free writes every payment waiting in
     * it (at most {@link #TOGETHER}) as one statement, one transaction with one commit, and hands each its answer;
     * the others wait for it. A payment that finds no one waiting is written alone, at once. Under load the commit
     * (the WAL flush every payment must wait for) is shared by the payments that queued meanwhile, and a busy
     * enterprise's limit and account rows are updated by one transaction after the other instead of by payments
     * queuing on their locks. Each payment keeps its own guarantees inside the shared transaction: its nonce, its
     * claim of the id with its answer and its posting are its own statements, in the same lock order as alone
     * (limit rows in key order, then account rows in account order); the lanes' transactions take them in that
     * order payment after payment. If the shared statement fails (an error, or a deadlock with another lane's
     * transaction that takes its payments' rows in another order) nothing of it is kept and each payment is written
     * alone.
     */
    private Object writeTogether(OneCall call) {
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
        return mine.answer;
    }

    /** The most single payments written in one statement. */
    static final int TOGETHER = 32;

    /** Lanes of single payments (see {@link #writeTogether}); each holds at most one connection at a time. */
    static final int LANES = 4;

    private final Lane[] lanes = new Lane[LANES];

    {
        for (int i = 0; i < LANES; i++) {
            lanes[i] = new Lane();
        }
    }

    private static final class Lane {
        final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
        final AtomicBoolean writing = new AtomicBoolean();
    }

    /** A payment waiting in its lane, and then its answer: a {@link Called} or what was thrown. */
    private static final class Waiting {
        final OneCall call;
        final Thread thread = Thread.currentThread();
        volatile Object answer;

        Waiting(OneCall call) {
            this.call = call;
        }

        void answer(Object a) {
            answer = a;
            if (thread != Thread.currentThread()) {
                LockSupport.unpark(thread);
            }
        }
    }

    /**
     * Writes the payments in one statement as a lane's writer does (for tests): each one's result, or what its
     * caller would be thrown.
     */
    List<Object> writtenTogether(List<PaymentOrder> orders, List<Nonces.Claim> nonces) {
        List<Waiting> batch = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            batch.add(new Waiting(oneCall(orders.get(i), nonces.get(i))));
        }
        write(batch);
        List<Object> results = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            try {
                results.add(result(batch.get(i).answer, nonces.get(i)));
            } catch (RuntimeException e) {
                results.add(e);
            }
        }
        return results;
    }

    /** Writes the payments in one statement (see {@link #writeTogether}), or one by one if that fails. */
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
                answer = callAlone(w.call);
            } catch (RuntimeException e) {
                answer = e;
            }
            w.answer(answer);
        }
    }

    /** Why the rules refuse the payment, or null; from memory, before anything is locked. */
    private static Refusal refusal(
            PaymentOrder o, Context ctx, PaymentOrder.Amount parsed, Long amount, boolean interBank) {
        if (!"ACTIVE".equals(ctx.status())) {
            return TRANSACTION_FORBIDDEN.because("the enterprise's direct connection is suspended");
        }
        if (!"CNY".equals(o.currency())) {
            return NOT_ALLOWED_CURRENCY.because("only CNY is accepted, not " + o.currency());
        }
        if (parsed instanceof PaymentOrder.Refused r) {
            return r.reason().because(r.text());
        }
        if (o.debitAccount() == null || o.debitAccount().isBlank()) {
            return INCORRECT_ACCOUNT_NUMBER.because("no debit account is given");
        }
        if (ctx.grantedAccount() == null || !ctx.canPay()) {
            return INCORRECT_ACCOUNT_NUMBER.because(
                    "debit account unknown or not granted for payment: " + o.debitAccount());
        }
        if (o.creditAccount() == null || o.creditAccount().isBlank()) {
            return INVALID_CREDITOR_ACCOUNT_NUMBER.because("no creditor account is given");
        }
        if (o.creditAccount().equals(o.debitAccount())) {
            return INVALID_CREDITOR_ACCOUNT_NUMBER.because("the creditor account is the debit account");
        }
        if (!interBank && !"CUSTOMER".equals(ctx.creditKind())) {
            return INVALID_CREDITOR_ACCOUNT_NUMBER.because("no account " + o.creditAccount() + " at this bank");
        }
        if (parsed instanceof PaymentOrder.AboveAnyLimit || amount > ctx.perTxnLimitFen()) {
            return NOT_ALLOWED_AMOUNT.because("above the enterprise's per-transaction limit of "
                    + Money.yuanText(ctx.perTxnLimitFen()) + " yuan");
        }
        if (ctx.accountPerTxnFen() != null && amount > ctx.accountPerTxnFen()) {
            return NOT_ALLOWED_AMOUNT.because(
                    "above the account's per-transaction limit of " + Money.yuanText(ctx.accountPerTxnFen()) + " yuan");
        }
        return null;
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
            return refused(c.id(), o, charged);
        }
        String transferId = c.answer().transferId();
        Transfer t = transfer(o, transferId, amount, c.interBank());
        Outcome outcome = core.transfer(t);
        if (!outcome.succeeded()) {
            giveBack(taken, o.businessDate(), amount);
            if (charge != null) {
                charge.giveBack(amount);
            }
            return refused(c.id(), o, coreRefusal(o, outcome.name()));
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

    /** The daily limits a payment takes, by key: their rows are locked in this order, before any account row. */
    private static TreeMap<String, Long> limits(PaymentOrder o, Context ctx) {
        TreeMap<String, Long> limits = new TreeMap<>();
        limits.put("E:" + o.enterpriseId(), ctx.dailyLimitFen());
        if (ctx.accountDailyFen() != null) {
            limits.put("A:" + o.enterpriseId() + ":" + ctx.grantedAccount(), ctx.accountDailyFen());
        }
        return limits;
    }

    /** Rejects a payment above a daily limit (the limits it took already given back). */
    private PaymentResult limitRefused(long id, PaymentOrder o, String key, long limitFen) {
        long used = db.sql("select used_fen from dc_limit_usage where usage_key = :k and business_date = :d")
                .param("k", key)
                .param("d", o.businessDate())
                .query(Long.class)
                .single();
        Refusal why = limitRefusal(limitFen, o.businessDate());
        return refused(id, o, new Refusal(why.reason(), why.text().replace("{used}", Money.yuanText(used))));
    }

    /** Why a payment above a daily limit is refused, {@code {used}} standing for the amount already used. */
    private static Refusal limitRefusal(long limitFen, LocalDate date) {
        return NOT_ALLOWED_AMOUNT.because(
                "above the daily limit of " + Money.yuanText(limitFen) + " yuan ({used} already used on " + date + ")");
    }

    /** Why a payment whose posting the core refused ({@link Outcome}'s name) is refused. */
    private static Refusal coreRefusal(PaymentOrder o, String outcome) {
        return outcome.equals(Outcome.EXCEEDS_CREDITS.name())
                ? INSUFFICIENT_FUNDS.because("insufficient funds on " + o.debitAccount())
                : NARRATIVE.because("the core refused the posting: " + outcome);
    }

    /** A refusal as {@code dc_pay} takes it: "CODE text". */
    private static String codeAndText(Refusal r) {
        return r.code() + " " + r.text();
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

    /** Inserts the instruction and returns its id; null when its id is already taken. */
    private Long insert(
            PaymentOrder o, String orgPath, String hash, Long amount, boolean interBank, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        db.sql("""
                insert into dc_instruction (enterprise_id, org_path, idem_key, content_hash, channel, msg_id,
                    pmt_inf_id, end_to_end_id, debit_account, credit_account, creditor_name, creditor_agent,
                    amount_text, amount_fen, currency, inter_bank, business_date, status, created_at)
                values (:e, :path, :k, :h, :ch, :msg, :pmt, :e2e, :d, :c, :cn, :ca, :at, :af, :cur, :ib, :bd, 'RCVD',
                    :now)
                on conflict do nothing
                """).params(instruction(o, orgPath, hash, amount, interBank, now)).update(keys, "instruction_id");
        return inserted(keys);
    }

    /**
     * The instruction's columns by parameter name, cut to their widths, as both the one-call and the
     * statement-by-statement path store them.
     */
    private static Map<String, Object> instruction(
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

    private static Long inserted(GeneratedKeyHolder keys) {
        return keys.getKeyList().isEmpty() ? null : keys.getKeyAs(Number.class).longValue();
    }

    /** Rejects a payment whose answer was written as executed before its posting was refused (see run). */
    private PaymentResult refused(long id, PaymentOrder o, Refusal why) {
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
                event(
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

    private static String cut(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }
}
