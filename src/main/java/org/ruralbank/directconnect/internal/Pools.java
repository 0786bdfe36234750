package org.ruralbank.directconnect.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ruralbank.directconnect.CoreBanking;
import org.ruralbank.directconnect.CoreBanking.Outcome;
import org.ruralbank.directconnect.Problems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cash pooling (资金归集): a parent account and member accounts, each with a rule, run at end of day or on demand.
 *
 * <ul>
 *   <li>{@code ZERO}: the member's whole available balance goes up to the parent;</li>
 *   <li>{@code TARGET t}: above t the excess goes up; below t the parent tops it up to t (as far as the parent's
 *       available balance goes);</li>
 *   <li>{@code THRESHOLD h}: once the available balance reaches h, all of it goes up; below h nothing moves.</li>
 * </ul>
 * Each sweep is one transfer with an id made of the run and the member, posted in its own transaction with the two
 * account rows locked: re-running a run (same run key) reports the sweeps already made and posts nothing twice.
 */
@Service
public class Pools {

    private final JdbcClient db;
    private final CoreBanking core;
    private final Directory directory;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final Clock clock;

    Pools(
            JdbcClient db,
            CoreBanking core,
            Directory directory,
            Notifications notifications,
            TransactionTemplate tx,
            Clock clock) {
        this.db = db;
        this.core = core;
        this.directory = directory;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
    }

    public record Pool(String poolId, String enterpriseId, String name, String parentAccount, String orgPath) {}

    public record Member(String accountNo, String rule, long amountFen) {}

    public record Sweep(String accountNo, String direction, long amountFen, String transferId, String outcome) {}

    public record Run(
            long runId,
            String poolId,
            String runKey,
            LocalDate businessDate,
            String trigger,
            OffsetDateTime startedAt,
            List<Sweep> sweeps) {}

    /** What the rule asks for a member with this available balance: positive up to the parent, negative down. */
    public static long sweepAmount(String rule, long threshold, long availableFen) {
        return switch (rule) {
            case "ZERO" -> Math.max(availableFen, 0);
            case "TARGET" -> availableFen - threshold;
            case "THRESHOLD" -> availableFen >= threshold && availableFen > 0 ? availableFen : 0;
            default -> throw new IllegalArgumentException(rule);
        };
    }

    public Optional<Pool> pool(String poolId) {
        return db.sql("select p.pool_id, p.enterprise_id, p.name, p.parent_account, e.org_path from dc_pool p "
                        + "join dc_enterprise e on e.enterprise_id = p.enterprise_id where p.pool_id = :p")
                .param("p", poolId)
                .query((rs, i) ->
                        new Pool(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    public List<Member> members(String poolId) {
        return db.sql("select account_no, rule, amount_fen from dc_pool_member where pool_id = :p order by account_no")
                .param("p", poolId)
                .query((rs, i) -> new Member(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /**
     * Runs the pool once for {@code runKey} (e.g. {@code EOD-2025-06-03}, or an enterprise's idempotency key).
     * The enterprise must hold the sweep right on the parent and on every member.
     */
    public Run run(String poolId, String enterpriseId, String runKey, String trigger, LocalDate businessDate) {
        Pool pool = pool(poolId)
                .filter(p -> p.enterpriseId().equals(enterpriseId))
                .orElseThrow(() -> new Problems.Problem(404, "not-granted", "no pool " + poolId));
        long runId;
        try {
            var keys = new GeneratedKeyHolder();
            db.sql("insert into dc_pool_run (pool_id, run_key, business_date, trigger_kind, started_at) "
                            + "values (:p, :k, :d, :t, :now)")
                    .param("p", poolId)
                    .param("k", runKey)
                    .param("d", businessDate)
                    .param("t", trigger)
                    .param("now", OffsetDateTime.now(clock))
                    .update(keys, "run_id");
            runId = keys.getKeyAs(Number.class).longValue();
        } catch (DuplicateKeyException again) {
            runId = db.sql("select run_id from dc_pool_run where pool_id = :p and run_key = :k")
                    .param("p", poolId)
                    .param("k", runKey)
                    .query(Long.class)
                    .single();
        }
        for (Member m : members(poolId)) {
            long id = runId;
            tx.executeWithoutResult(s -> sweep(pool, m, id, enterpriseId, businessDate));
        }
        return find(runId).orElseThrow();
    }

    private void sweep(Pool pool, Member m, long runId, String enterpriseId, LocalDate date) {
        boolean allowed = directory
                        .grant(enterpriseId, m.accountNo())
                        .map(Directory.Grant::canSweep)
                        .orElse(false)
                && directory
                        .grant(enterpriseId, pool.parentAccount())
                        .map(Directory.Grant::canSweep)
                        .orElse(false);
        if (!allowed) {
            record(runId, m.accountNo(), "NONE", 0, null, "NOT_GRANTED");
            return;
        }
        String transferId = "SWP-" + runId + "-" + m.accountNo();
        // lock both rows in account order before reading the balances the rule works on
        for (String no : new java.util.TreeSet<>(List.of(m.accountNo(), pool.parentAccount()))) {
            db.sql("select account_no from dc_account where account_no = :n for update")
                    .param("n", no)
                    .query(String.class)
                    .optional();
        }
        if (db.sql("select count(*) from dc_pool_sweep where run_id = :r and account_no = :a")
                        .param("r", runId)
                        .param("a", m.accountNo())
                        .query(Long.class)
                        .single()
                > 0) {
            return; // this member was already swept in this run
        }
        long memberAvailable = core.balance(m.accountNo())
                .map(CoreBanking.Balance::availableFen)
                .orElse(0L);
        long parentAvailable = core.balance(pool.parentAccount())
                .map(CoreBanking.Balance::availableFen)
                .orElse(0L);
        long amount = sweepAmount(m.rule(), m.amountFen(), memberAvailable);
        if (amount < 0) {
            amount = -Math.min(-amount, Math.max(parentAvailable, 0));
        }
        if (amount == 0) {
            record(runId, m.accountNo(), "NONE", 0, null, "NOTHING_TO_MOVE");
            return;
        }
        boolean up = amount > 0;
        CoreBanking.Transfer sweep = CoreBanking.Transfer.posted(
                transferId,
                up ? m.accountNo() : pool.parentAccount(),
                up ? pool.parentAccount() : m.accountNo(),
                Math.abs(amount),
                "SWEEP",
                pool.poolId() + " run " + runId,
                date);
        Outcome o = core.transfer(sweep);
        record(runId, m.accountNo(), up ? "UP" : "DOWN", Math.abs(amount), o.succeeded() ? transferId : null, o.name());
        if (o == Outcome.OK) {
            notifications.enqueue(sweep);
        }
    }

    private void record(
            long runId, String accountNo, String direction, long amount, String transferId, String outcome) {
        db.sql("insert into dc_pool_sweep (run_id, account_no, direction, amount_fen, transfer_id, outcome) "
                        + "values (:r, :a, :d, :m, :t, :o)")
                .param("r", runId)
                .param("a", accountNo)
                .param("d", direction)
                .param("m", amount)
                .param("t", transferId)
                .param("o", outcome)
                .update();
    }

    public Optional<Run> find(long runId) {
        return db.sql("select run_id, pool_id, run_key, business_date, trigger_kind, started_at from dc_pool_run "
                        + "where run_id = :r")
                .param("r", runId)
                .query((rs, i) -> new Run(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class),
                        sweeps(rs.getLong(1))))
                .optional();
    }

    public List<Run> runs(String poolId) {
        List<Long> ids = db.sql("select run_id from dc_pool_run where pool_id = :p order by run_id desc limit 50")
                .param("p", poolId)
                .query(Long.class)
                .list();
        List<Run> runs = new ArrayList<>();
        ids.forEach(id -> find(id).ifPresent(runs::add));
        return runs;
    }

    private List<Sweep> sweeps(long runId) {
        return db.sql("select account_no, direction, amount_fen, transfer_id, outcome from dc_pool_sweep "
                        + "where run_id = :r order by account_no")
                .param("r", runId)
                .query((rs, i) ->
                        new Sweep(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Runs every pool at end of day for a business date (run key {@code EOD-<date>}). */
    public List<Run> endOfDay(LocalDate businessDate) {
        List<Run> runs = new ArrayList<>();
        for (Pool p : db.sql(
                        "select p.pool_id, p.enterprise_id, p.name, p.parent_account, e.org_path from dc_pool p "
                                + "join dc_enterprise e on e.enterprise_id = p.enterprise_id where e.status = 'ACTIVE' order by p.pool_id")
                .query((rs, i) ->
                        new Pool(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list()) {
            runs.add(run(p.poolId(), p.enterpriseId(), "EOD-" + businessDate, "EOD", businessDate));
        }
        return runs;
    }
}
