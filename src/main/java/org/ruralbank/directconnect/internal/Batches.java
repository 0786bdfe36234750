package org.ruralbank.directconnect.internal;

import static org.ruralbank.directconnect.internal.Instructions.cut;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.ruralbank.directconnect.BusinessCalendar;
import org.ruralbank.directconnect.internal.PainMessages.BlockStatus;
import org.ruralbank.directconnect.internal.PainMessages.CreditTransfer;
import org.ruralbank.directconnect.internal.PainMessages.Initiation;
import org.ruralbank.directconnect.internal.PainMessages.PaymentBlock;
import org.ruralbank.directconnect.internal.PainMessages.TxStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * pain.001 messages as jobs: accepted, executed in chunks, answered with a pain.002.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>a message is claimed by its (enterprise, {@code MsgId}) — a unique key — before any of its payments
 *       executes: the same file again answers the same job, another message with that id is refused (DU01) and
 *       executes nothing, however many arrive at once;</li>
 *   <li>a job's payments execute in message order, {@link #CHUNK} to a database transaction; each chunk commits its
 *       payments, their answers ({@code dc_batch_item}) and the job's progress together, so the answers and the
 *       counts never disagree with the ledger;</li>
 *   <li>a job interrupted by a restart is resumed by the next processor once its lease has passed, from its last
 *       committed chunk; were a chunk ever executed again, each payment's own id (its instruction) answers it as a
 *       replay and nothing is posted twice.</li>
 * </ul>
 *
 * <p>Messages of at most {@code ruralbank.directconnect.sync-max-transactions} transactions are executed in the
 * request and answered with their pain.002, as partners' existing integrations expect (at the measured rate that
 * takes well under a second); larger ones, and any sent with {@code Prefer: respond-async}, are answered at once
 * with their job and executed in the background. Lock order: the job row, then the payments' (limit rows, then
 * account rows).
 */
@Service
public class Batches {

    /** Payments per database transaction: one commit (and its WAL flush) per chunk instead of per payment. */
    public static final int CHUNK = 100;
    /** How long a processor holds a job without committing a chunk before another may resume it. */
    static final Duration LEASE = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(Batches.class);

    private final JdbcClient db;
    private final Payments payments;
    private final BusinessCalendar calendar;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int syncMaxTransactions;
    private final ExecutorService workers;

    Batches(
            JdbcClient db,
            Payments payments,
            BusinessCalendar calendar,
            TransactionTemplate tx,
            Clock clock,
            @Value("${ruralbank.directconnect.sync-max-transactions:100}") int syncMaxTransactions,
            @Value("${ruralbank.directconnect.batch-workers:1}") int workers) {
        this.db = db;
        this.payments = payments;
        this.calendar = calendar;
        this.tx = tx;
        this.clock = clock;
        this.syncMaxTransactions = syncMaxTransactions;
        this.workers = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "dc-batch");
            t.setDaemon(true);
            return t;
        });
    }

    /** What became of a submitted message. */
    public sealed interface Intake permits Answered, Accepted {}

    /** Answered at once with this pain.002 (executed in the request, a replay of such, or refused as a whole). */
    public record Answered(String report) implements Intake {}

    /** Accepted as this job (or found it: {@code replay}); its progress is at its status resource. */
    public record Accepted(Job job, boolean replay) implements Intake {}

    /** A job's progress: {@code posted} counts payments executed or reserved for the clearing. */
    public record Job(
            long jobId,
            String msgId,
            String state,
            int transactions,
            int posted,
            int rejected,
            Instant acceptedAt,
            Instant completedAt) {

        public int pending() {
            return transactions - posted - rejected;
        }

        public boolean done() {
            return "DONE".equals(state);
        }
    }

    /**
     * Takes a pain.001: answers a replay from its job, refuses a reused message id or a message whose counts are
     * wrong, executes a small message here, accepts a large one (or any when {@code async}) as a job executed in
     * the background.
     */
    public Intake submit(String enterpriseId, byte[] body, boolean async) throws Xml.BadXml {
        Intake intake = accept(enterpriseId, body, async);
        if (!(intake instanceof Accepted accepted) || accepted.replay()) {
            return intake;
        }
        long jobId = accepted.job().jobId();
        if (async || accepted.job().transactions() > syncMaxTransactions) {
            dispatch(jobId);
            return intake;
        }
        process(jobId);
        Job job = job(enterpriseId, jobId).orElseThrow();
        return job.done() ? new Answered(report(enterpriseId, jobId).orElseThrow()) : new Accepted(job, false);
    }

    /**
     * As {@link #submit} without executing anything: a new job is left to the caller, which holds its lease (it
     * {@link #process}es it, or the job is resumed once the lease has passed).
     */
    public Intake accept(String enterpriseId, byte[] body, boolean async) throws Xml.BadXml {
        Initiation in = PainMessages.read(body);
        String hash = PartnerOperations.sha256(body);
        Refusal refusal = PainMessages.refusal(in, PartnerOperations.MAX_TRANSACTIONS_PER_MESSAGE);
        String refused = refusal == null
                ? null
                : PainMessages.report(PartnerOperations.messageId("P", clock), clock.instant(), in, List.of(), refusal);
        if (refusal == null) {
            // a report naming the message's ids must be writable before anything executes
            PainMessages.reportable(in);
        }
        Optional<Long> claimed = claim(enterpriseId, in, hash, body, refused);
        if (claimed.isEmpty()) {
            return earlier(enterpriseId, in, hash, async || in.transactionCount() > syncMaxTransactions);
        }
        return refused != null
                ? new Answered(refused)
                : new Accepted(job(enterpriseId, claimed.get()).orElseThrow(), false);
    }

    /** The answer to a message whose id is already claimed: its job, or DU01 when the content differs. */
    private Intake earlier(String enterpriseId, Initiation in, String hash, boolean background) {
        record Earlier(long jobId, String hash, String state, String response) {}
        Earlier e = db.sql("select job_id, content_hash, state, response from dc_batch_job where enterprise_id = :e "
                        + "and msg_id = :m")
                .param("e", enterpriseId)
                .param("m", in.msgId())
                .query((rs, i) -> new Earlier(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .single();
        if (!e.hash().equals(hash)) {
            return new Answered(PainMessages.report(
                    PartnerOperations.messageId("P", clock),
                    clock.instant(),
                    in,
                    List.of(),
                    StatusReason.DUPLICATE_MESSAGE_ID.because("message id " + in.msgId()
                            + " was already used for a different message; nothing was executed")));
        }
        if (!background) {
            if (e.response() != null) {
                return new Answered(e.response());
            }
            // claimed but unanswered (under way, or stopped after some of it executed): carry it on here, as the
            // sender waits for its answer; chunks another processor has committed are not executed again
            process(e.jobId());
            Optional<String> report = report(enterpriseId, e.jobId());
            if (report.isPresent()) {
                return new Answered(report.get());
            }
        }
        return new Accepted(job(enterpriseId, e.jobId()).orElseThrow(), true);
    }

    /** Inserts the job (done at once when the message is refused as a whole); empty when the id is taken. */
    private Optional<Long> claim(String enterpriseId, Initiation in, String hash, byte[] body, String refused) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        int inserted = db.sql("""
                insert into dc_batch_job (enterprise_id, msg_id, content_hash, body, business_date, transactions,
                    processed, posted, rejected, state, lease_until, response, accepted_at, completed_at)
                values (:e, :m, :h, :b, :d, :n, :r, 0, :r, :s, :lease, :resp, :now, :done)
                on conflict do nothing
                """)
                .param("e", enterpriseId)
                .param("m", in.msgId())
                .param("h", hash)
                .param("b", body)
                .param("d", calendar.today())
                .param("n", in.transactionCount())
                .param("r", refused == null ? 0 : in.transactionCount())
                .param("s", refused == null ? "RUNNING" : "DONE")
                .param("lease", refused == null ? now.plus(LEASE) : null)
                .param("resp", refused)
                .param("now", now)
                .param("done", refused == null ? null : now)
                .update(keys, "job_id");
        return inserted == 1 ? Optional.of(keys.getKeyAs(Number.class).longValue()) : Optional.empty();
    }

    /** The job, if it is the enterprise's. */
    public Optional<Job> job(String enterpriseId, long jobId) {
        return db.sql("""
                select job_id, msg_id, state, transactions, posted, rejected, accepted_at, completed_at
                  from dc_batch_job where job_id = :j and enterprise_id = :e
                """)
                .param("j", jobId)
                .param("e", enterpriseId)
                .query((rs, i) -> new Job(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject(8, OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)
                                .orElse(null)))
                .optional();
    }

    /** The job's pain.002 once it is done (empty while it runs, or when it is not the enterprise's). */
    public Optional<String> report(String enterpriseId, long jobId) {
        return db.sql("select response from dc_batch_job where job_id = :j and enterprise_id = :e and state = 'DONE'")
                .param("j", jobId)
                .param("e", enterpriseId)
                .query(String.class)
                .optional();
    }

    /** Processes the job in the background (its lease is already this processor's). */
    void dispatch(long jobId) {
        workers.execute(() -> {
            try {
                process(jobId);
            } catch (RuntimeException e) {
                // the lease runs out and the next resumption takes the job up again
                LOG.error("pain.001 job {} stopped; it resumes once its lease has passed", jobId, e);
            }
        });
    }

    @Scheduled(
            fixedDelayString = "${ruralbank.directconnect.batch-poll-ms:5000}",
            initialDelayString = "${ruralbank.directconnect.batch-poll-ms:5000}")
    void resumeDue() {
        resumeDue(clock.instant());
    }

    /**
     * Takes up every running job whose lease has passed at {@code now} (its processor stopped: a restart, a lost
     * connection) and processes it in the background; returns how many.
     */
    public int resumeDue(Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        List<Long> due = db.sql("select job_id from dc_batch_job where state = 'RUNNING' and lease_until < :now "
                        + "order by job_id")
                .param("now", at)
                .query(Long.class)
                .list();
        int taken = 0;
        for (long jobId : due) {
            // one processor wins the lease; the others leave the job to it
            if (db.sql("update dc_batch_job set lease_until = :until where job_id = :j and state = 'RUNNING' "
                                    + "and lease_until < :now")
                            .param("until", at.plus(LEASE))
                            .param("j", jobId)
                            .param("now", at)
                            .update()
                    == 1) {
                LOG.info("resuming pain.001 job {}", jobId);
                dispatch(jobId);
                taken++;
            }
        }
        return taken;
    }

    /** Executes the job's remaining chunks and writes its pain.002. */
    public void process(long jobId) {
        process(jobId, Integer.MAX_VALUE);
    }

    /**
     * Executes at most {@code maxChunks} of the job's remaining chunks, each in one transaction, and completes the
     * job when none is left; returns the chunks executed. Stops early when another processor is ahead.
     */
    public int process(long jobId, int maxChunks) {
        Loaded job = load(jobId);
        if (job == null) {
            return 0;
        }
        List<Item> items = items(job.enterpriseId(), job.businessDate(), job.message());
        int done = 0;
        int from = job.processed();
        while (from < items.size()) {
            if (done == maxChunks) {
                return done;
            }
            List<Item> chunk = items.subList(from, Math.min(from + CHUNK, items.size()));
            if (execute(jobId, from, chunk)) {
                done++;
                from += chunk.size();
            } else {
                // another processor committed this chunk first (the same message sent again meanwhile): carry on
                // from where it got to, so that each of them ends with the job done
                Integer processed = db.sql(
                                "select processed from dc_batch_job where job_id = :j and state = " + "'RUNNING'")
                        .param("j", jobId)
                        .query(Integer.class)
                        .optional()
                        .orElse(null);
                if (processed == null) {
                    return done;
                }
                from = processed;
            }
        }
        complete(jobId, job.message());
        return done;
    }

    /** Executes one chunk in one transaction; false when another processor committed it first. */
    private boolean execute(long jobId, int from, List<Item> chunk) {
        try {
            return inTransaction(jobId, from, chunk);
        } catch (RuntimeException e) {
            // a payment the chunk could not execute (it rolled back whole): each one in its own transaction, so
            // that the others are not held up by it; one that fails again stops the job until it is resumed
            LOG.warn("chunk at {} of pain.001 job {} failed; executing its payments one by one", from, jobId, e);
            for (int i = 0; i < chunk.size(); i++) {
                if (!inTransaction(jobId, from + i, chunk.subList(i, i + 1))) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Locks the job row, checks that the items from {@code from} are still to be done, executes their payments and
     * stores their answers and the job's progress, all in one transaction.
     */
    private boolean inTransaction(long jobId, int from, List<Item> chunk) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            Integer processed = db.sql("select processed from dc_batch_job where job_id = :j and state = 'RUNNING' "
                            + "for update")
                    .param("j", jobId)
                    .query(Integer.class)
                    .optional()
                    .orElse(null);
            if (processed == null || processed != from) {
                return false;
            }
            List<PaymentResult> results = payments.executeInTransaction(
                    chunk.stream().map(Item::order).filter(o -> o != null).toList());
            int posted = 0;
            int r = 0;
            // the answers in one statement
            StringBuilder insert = new StringBuilder(
                    "insert into dc_batch_item (job_id, item_no, status, reason_code, " + "reason_text) values ");
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                TxStatus answer = chunk.get(i).refused();
                if (answer == null) {
                    PaymentResult p = results.get(r++);
                    answer = new TxStatus(null, null, p.status(), p.refusal());
                }
                posted += "RJCT".equals(answer.status()) ? 0 : 1;
                insert.append(i == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
                Refusal refusal = answer.refusal();
                values.addAll(java.util.Arrays.asList(
                        jobId,
                        from + i,
                        answer.status(),
                        refusal == null ? null : refusal.code(),
                        refusal == null ? null : cut(refusal.text(), 200)));
            }
            db.sql(insert.toString()).params(values).update();
            db.sql("update dc_batch_job set processed = processed + :n, posted = posted + :p, "
                            + "rejected = rejected + :r, lease_until = :lease where job_id = :j")
                    .param("n", chunk.size())
                    .param("p", posted)
                    .param("r", chunk.size() - posted)
                    .param("lease", OffsetDateTime.now(clock).plus(LEASE))
                    .param("j", jobId)
                    .update();
            return true;
        }));
    }

    /** Writes the pain.002 from the stored answers and marks the job done. */
    private void complete(long jobId, Initiation in) {
        List<TxStatus> answers = db.sql("select status, reason_code, reason_text from dc_batch_item where job_id = :j "
                        + "order by item_no")
                .param("j", jobId)
                .query((rs, i) ->
                        new TxStatus(null, null, rs.getString(1), Refusal.stored(rs.getString(2), rs.getString(3))))
                .list();
        List<BlockStatus> blocks = new ArrayList<>();
        int n = 0;
        for (PaymentBlock block : in.blocks()) {
            List<TxStatus> txs = new ArrayList<>();
            for (CreditTransfer t : block.transactions()) {
                TxStatus a = answers.get(n++);
                txs.add(new TxStatus(t.instrId(), t.endToEndId(), a.status(), a.refusal()));
            }
            blocks.add(new BlockStatus(
                    block.pmtInfId(),
                    txs,
                    PainMessages.combine(txs.stream().map(TxStatus::status).toList()),
                    null));
        }
        String report = PainMessages.report(PartnerOperations.messageId("P", clock), clock.instant(), in, blocks, null);
        db.sql("update dc_batch_job set state = 'DONE', response = :r, completed_at = :now, lease_until = null "
                        + "where job_id = :j and state = 'RUNNING'")
                .param("r", report)
                .param("now", OffsetDateTime.now(clock))
                .param("j", jobId)
                .update();
    }

    private record Loaded(String enterpriseId, LocalDate businessDate, int processed, Initiation message) {}

    private @Nullable Loaded load(long jobId) {
        record Row(String enterpriseId, LocalDate businessDate, int processed, byte[] body) {}
        Row row = db.sql("select enterprise_id, business_date, processed, body from dc_batch_job where job_id = :j "
                        + "and state = 'RUNNING'")
                .param("j", jobId)
                .query((rs, i) ->
                        new Row(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getBytes(4)))
                .optional()
                .orElse(null);
        if (row == null) {
            return null;
        }
        try {
            return new Loaded(row.enterpriseId(), row.businessDate(), row.processed(), PainMessages.read(row.body()));
        } catch (Xml.BadXml e) {
            throw new IllegalStateException("job " + jobId + " holds a message that no longer reads", e);
        }
    }

    /** One transaction of the message, in order: the payment to execute, or its answer when refused up front. */
    private record Item(PaymentOrder order, TxStatus refused) {}

    private static List<Item> items(String enterpriseId, LocalDate businessDate, Initiation in) {
        List<Item> items = new ArrayList<>();
        for (PaymentBlock block : in.blocks()) {
            Set<String> seen = new HashSet<>();
            int position = 0;
            for (CreditTransfer t : block.transactions()) {
                position++;
                String txKey = t.txKey();
                if (txKey != null && !seen.add(txKey)) {
                    items.add(new Item(
                            null,
                            new TxStatus(
                                    t.instrId(),
                                    t.endToEndId(),
                                    "RJCT",
                                    StatusReason.DUPLICATE_INSTRUCTION_ID.because(
                                            "duplicate transaction id within the " + "payment information block"))));
                    continue;
                }
                if (t.equivalentAmount()) {
                    items.add(new Item(
                            null,
                            new TxStatus(
                                    t.instrId(),
                                    t.endToEndId(),
                                    "RJCT",
                                    StatusReason.INVALID_AMOUNT.because("EqvtAmt (an amount to convert from another "
                                            + "currency) is not accepted: give InstdAmt in CNY"))));
                    continue;
                }
                String idemKey = txKey != null
                        ? PaymentOrder.isoKey(in.msgId(), block.pmtInfId(), txKey)
                        : PaymentOrder.isoKey(in.msgId(), block.pmtInfId(), position);
                items.add(new Item(
                        new PaymentOrder(
                                enterpriseId,
                                idemKey,
                                "PAIN001",
                                in.msgId(),
                                block.pmtInfId(),
                                t.endToEndId(),
                                block.debitAccount(),
                                t.creditAccount(),
                                t.creditorName(),
                                t.creditorAgent(),
                                t.amountText(),
                                t.currency(),
                                businessDate),
                        null));
            }
        }
        return items;
    }

    @PreDestroy
    void stop() {
        // a job cut short here resumes from its last committed chunk in the next process
        workers.shutdownNow();
    }
}
