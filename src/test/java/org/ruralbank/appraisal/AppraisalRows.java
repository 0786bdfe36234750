package org.ruralbank.appraisal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.ruralbank.platform.Org;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A published run written straight into the operational store, for the tests of pages and reach that need results
 * and pools without a warehouse: per branch a result, one item, two people with a figure each and an open pool of
 * 10.00 yuan (floor 0, cap 10.00).
 */
public final class AppraisalRows {

    /** What was written: the run, and per branch its pool and its people's staff ids. */
    public record Written(long runId, Map<String, Long> poolOf, Map<String, List<String>> staffOf) {}

    private static final AtomicInteger VERSION = new AtomicInteger(1000);

    private AppraisalRows() {}

    public static Written publishedRun(ApplicationContext ctx, List<Org> branches) {
        JdbcClient db = ctx.getBean(JdbcClient.class);
        OffsetDateTime now = OffsetDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZoneOffset.UTC);
        if (db.sql("select count(*) from appraisal_scheme where scheme_year = 2099")
                        .query(Integer.class)
                        .single()
                == 0) {
            db.sql("insert into appraisal_scheme values (2099, '测试方案', 60, 50, 200, 'test', :at)")
                    .param("at", now)
                    .update();
            db.sql("insert into appraisal_budget values (2099, 100000000, 10, 'test', :at)")
                    .param("at", now)
                    .update();
        }
        int version = VERSION.incrementAndGet();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        db.sql(
                        "insert into appraisal_run (period_key, version, scheme_year, from_date, to_date, data_date, fingerprint, "
                                + "status, run_by, run_at, published_by, published_at) values ('2099Q1', :v, 2099, "
                                + "date '2099-01-01', date '2099-03-31', date '2099-03-31', 'test', 'PUBLISHED', 'test', :at, "
                                + "'test', :at)")
                .param("v", version)
                .param("at", now)
                .update(keys, "run_id");
        long runId = keys.getKey().longValue();
        Map<String, Long> pools = new LinkedHashMap<>();
        Map<String, List<String>> staff = new LinkedHashMap<>();
        int rank = 1;
        for (Org b : branches) {
            db.sql("insert into appraisal_result_org values (:r, :o, :n, :p, 'U', 2, :s, :k)")
                    .param("r", runId)
                    .param("o", b.orgId())
                    .param("n", b.name())
                    .param("p", b.path())
                    .param("s", BigDecimal.valueOf(90 - rank))
                    .param("k", rank)
                    .update();
            db.sql("insert into appraisal_result_item values (:r, :o, 'loan_balance', 100, 100, 100, 15)")
                    .param("r", runId)
                    .param("o", b.orgId())
                    .update();
            List<String> ids = List.of("P" + b.orgId() + "A" + version, "P" + b.orgId() + "B" + version);
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i).length() > 12
                        ? ids.get(i).substring(ids.get(i).length() - 12)
                        : ids.get(i);
                db.sql("insert into appraisal_result_person values (:r, :s, :n, 'CM', :o, :o, :p, 80, 70, 76, :k)")
                        .param("r", runId)
                        .param("s", id)
                        .param("n", "员工" + id)
                        .param("o", b.orgId())
                        .param("p", b.path())
                        .param("k", i + 1)
                        .update();
                db.sql("insert into appraisal_result_person_item values (:r, :s, 'loan_balance', 50, 50, 100, 15)")
                        .param("r", runId)
                        .param("s", id)
                        .update();
                staff.computeIfAbsent(b.orgId(), k -> new java.util.ArrayList<>())
                        .add(id);
            }
            var poolKey = new org.springframework.jdbc.support.GeneratedKeyHolder();
            db.sql(
                            "insert into appraisal_pool (run_id, budget_year, unit_kind, unit_id, org_id, org_path, amount_fen, "
                                    + "floor_fen, cap_fen, status) values (:r, 2099, 'BRANCH', :o, :o, :p, 1000, 0, 1000, 'OPEN')")
                    .param("r", runId)
                    .param("o", b.orgId())
                    .param("p", b.path())
                    .update(poolKey, "pool_id");
            pools.put(b.orgId(), poolKey.getKey().longValue());
            rank++;
        }
        return new Written(runId, pools, staff);
    }
}
