package org.ruralbank.appraisal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ruralbank.channels.Target;
import org.ruralbank.channels.Targets;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Rejected;
import org.ruralbank.shared.Ratios;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appraisal runs (考核计算): every branch's and person's results for a period under the year's scheme, computed from
 * the warehouse's indicator queries, the targets and the approved qualitative and bonus/penalty entries.
 *
 * <p>Guarantees:
 * <ul>
 * <li>A run is reproducible: it stores the fingerprint of everything it read (scheme, targets, entries, the data
 * date, every indicator row); the same inputs give the same fingerprint and the same results ({@link Scorecard}).</li>
 * <li>A run is never changed: a rerun is a new version of the period (1, 2, ...), and the differences from the
 * version before are listed ({@link #differences}). Two runs of one period at once cannot take the same version: the
 * database refuses the second, which is told to run again.</li>
 * <li>Publishing freezes the period: one published version per period (the database refuses a second), its entries
 * can no longer change, and a quarter's publication funds the branch pools ({@link Pools#fund}) in the same
 * transaction — or nothing is published.</li>
 * </ul>
 */
@Service
public class AppraisalRuns {

    public enum Status {
        DRAFT,
        PUBLISHED
    }

    public record Run(
            long runId,
            String periodKey,
            int version,
            int schemeYear,
            LocalDate from,
            LocalDate to,
            @Nullable LocalDate dataDate,
            String fingerprint,
            Status status,
            String runBy,
            OffsetDateTime runAt,
            @Nullable String publishedBy) {

        public Period period() {
            return Period.parse(periodKey);
        }
    }

    public record OrgResult(
            String orgId,
            String orgName,
            String orgPath,
            @Nullable String areaClass,
            int headcount,
            BigDecimal score,
            int rank) {}

    public record ItemResult(
            String orgId,
            String itemCode,
            @Nullable BigDecimal actual,
            @Nullable BigDecimal target,
            @Nullable BigDecimal completionPct,
            BigDecimal score) {}

    public record PersonResult(
            String staffId,
            String staffName,
            @Nullable String postCode,
            String orgId,
            String branchOrgId,
            String orgPath,
            BigDecimal branchScore,
            @Nullable BigDecimal personalScore,
            BigDecimal score,
            int rankInBranch) {}

    public record PersonItem(
            String staffId,
            String itemCode,
            BigDecimal actual,
            @Nullable BigDecimal target,
            @Nullable BigDecimal completionPct,
            BigDecimal score) {}

    /** A result that differs from the version before: a branch's (kind ORG) or a person's (kind PERSON). */
    public record Difference(
            String kind,
            String id,
            String name,
            @Nullable BigDecimal before,
            BigDecimal after,
            @Nullable Integer rankBefore,
            int rankAfter) {}

    private final JdbcClient db;
    private final JdbcTemplate jdbc;
    private final Warehouse warehouse;
    private final Indicators indicators;
    private final Schemes schemes;
    private final Targets channelTargets;
    private final Pools pools;
    private final AuditLog audit;
    private final Clock clock;

    AppraisalRuns(
            JdbcClient db,
            JdbcTemplate jdbc,
            Warehouse warehouse,
            Indicators indicators,
            Schemes schemes,
            Targets channelTargets,
            Pools pools,
            AuditLog audit,
            Clock clock) {
        this.db = db;
        this.jdbc = jdbc;
        this.warehouse = warehouse;
        this.indicators = indicators;
        this.schemes = schemes;
        this.channelTargets = channelTargets;
        this.pools = pools;
        this.audit = audit;
        this.clock = clock;
    }

    private record DataDate(@Nullable LocalDate dataDate) {}

    /**
     * Runs a period ({@code 2025Q4}, {@code 2025-12}, {@code 2025}) as a new version. Refused (naming the parameter)
     * for a period that does not parse, a year without a scheme or with one whose weights do not sum to 100, a period
     * the warehouse holds no date of, and when another run of the period took the version at the same time.
     */
    @Transactional
    public Run run(String periodText, OrgScope scope) {
        Access.requireWholeBank(scope);
        Period period = Period.parse(periodText);
        Schemes.Scheme scheme = schemes.find(period.year())
                .orElseThrow(() -> new Rejected("period", "appraisal.rejected.noScheme", period.year()));
        schemes.validate(scheme);
        Scorecard.Outcome outcome = Scorecard.compute(inputs(period, scheme));
        LocalDate dataDate = dataDate(period);
        int version = db.sql("select coalesce(max(version), 0) + 1 from appraisal_run where period_key = :p")
                .param("p", period.key())
                .query(Integer.class)
                .single();
        long runId;
        try {
            var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            db.sql("""
                    insert into appraisal_run (period_key, version, scheme_year, from_date, to_date, data_date,
                        fingerprint, status, run_by, run_at)
                    values (:p, :v, :y, :f, :t, :d, :fp, 'DRAFT', :by, :at)
                    """)
                    .param("p", period.key())
                    .param("v", version)
                    .param("y", period.year())
                    .param("f", period.from())
                    .param("t", period.to())
                    .param("d", dataDate)
                    .param("fp", outcome.fingerprint())
                    .param("by", Access.actor())
                    .param("at", OffsetDateTime.now(clock))
                    .update(keys, "run_id");
            runId = Objects.requireNonNull(keys.getKey()).longValue();
        } catch (DuplicateKeyException e) {
            throw new Rejected("period", "appraisal.rejected.concurrentRun", period.key());
        }
        store(runId, outcome);
        audit.record(
                "appraisal.run",
                "appraisal_run",
                String.valueOf(runId),
                Map.of(),
                Map.of(
                        "period",
                        period.key(),
                        "version",
                        version,
                        "fingerprint",
                        outcome.fingerprint(),
                        "branches",
                        outcome.orgs().size(),
                        "people",
                        outcome.people().size()));
        return find(runId).orElseThrow();
    }

    /** What a run of the period would read now: the scheme, the warehouse's rows, the targets, the approved entries. */
    Scorecard.Inputs inputs(Period period, Schemes.Scheme scheme) {
        OrgRows all = Indicators.wholeBank();
        LocalDate dataDate = dataDate(period);
        if (dataDate == null) {
            throw new Rejected("period", "appraisal.rejected.noData", period.key());
        }
        List<Scorecard.Branch> branches = warehouse
                .queries()
                .named("appraisal/branches")
                .bind("to_date", period.to())
                .within(all)
                .list(Scorecard.Branch.class);
        List<Scorecard.Person> staff = warehouse
                .queries()
                .named("appraisal/staff")
                .bind("to_date", period.to())
                .within(all)
                .list(Scorecard.Person.class);
        Map<String, Indicators.Definition> defs = new LinkedHashMap<>();
        Map<String, List<Indicators.Figure>> figures = new LinkedHashMap<>();
        for (Schemes.Item item : scheme.items()) {
            if (item.kind() == Schemes.Kind.QUANT) {
                Indicators.Definition d = indicators.find(item.code()).orElseThrow();
                defs.put(item.code(), d);
                figures.put(item.code(), indicators.figures(item.code(), period, all));
            }
        }
        return new Scorecard.Inputs(
                scheme,
                period,
                dataDate,
                branches,
                staff,
                defs,
                figures,
                targets(period, scheme, branches, defs),
                approvedEntries(period.key()));
    }

    /** The last business date of the period the warehouse holds, or null. */
    public @Nullable LocalDate dataDate(Period period) {
        return warehouse
                .queries()
                .named("appraisal/data_date")
                .between(period.from(), period.to())
                .first(DataDate.class)
                .map(DataDate::dataDate)
                .orElse(null);
    }

    /**
     * Each branch's target per item for the period: the target-decomposition table's where it sets the indicator
     * (the sum of the period's quarters; a month a third of its quarter's), else the branch's own quarterly target,
     * else the item's base target × the factor of the branch's area class; a flow's quarterly target times the
     * period's quarters, a stock's or ratio's as it is.
     */
    private Map<String, Map<String, BigDecimal>> targets(
            Period period,
            Schemes.Scheme scheme,
            List<Scorecard.Branch> branches,
            Map<String, Indicators.Definition> defs) {
        List<Target> table = channelTargets.of(period.year(), OrgScope.everything());
        Map<String, Map<String, BigDecimal>> own = schemes.ownTargets(period.year());
        Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        for (Schemes.Item item : scheme.items()) {
            Indicators.Definition d = defs.get(item.code());
            if (d == null) {
                continue;
            }
            Map<String, BigDecimal> byOrg = new LinkedHashMap<>();
            for (Scorecard.Branch b : branches) {
                BigDecimal t = null;
                if (d.targetIndicator() != null) {
                    List<Target> set = table.stream()
                            .filter(x -> x.orgId().equals(b.orgId())
                                    && x.indicator().name().equals(d.targetIndicator())
                                    && x.quarter() >= period.firstQuarter()
                                    && x.quarter() <= period.lastQuarter())
                            .toList();
                    if (!set.isEmpty()) {
                        t = set.stream().map(Target::value).reduce(BigDecimal.ZERO, BigDecimal::add);
                        if (period.isMonth()) {
                            t = Ratios.score(t, BigDecimal.valueOf(3));
                        }
                    }
                }
                if (t == null) {
                    BigDecimal quarter = own.getOrDefault(item.code(), Map.of()).get(b.orgId());
                    if (quarter == null && item.baseTarget() != null) {
                        quarter = item.baseTarget().multiply(item.factor(b.areaClass()));
                    }
                    if (quarter != null) {
                        t = d.flow() ? quarter.multiply(period.quarters()) : quarter;
                    }
                }
                if (t != null) {
                    byOrg.put(b.orgId(), Ratios.score(t));
                }
            }
            out.put(item.code(), byOrg);
        }
        return out;
    }

    private List<Scorecard.Entry> approvedEntries(String periodKey) {
        return db.sql("select org_id, kind, item_code, points from appraisal_entry where period_key = :p "
                        + "and status = 'APPROVED' order by org_id, kind, item_code")
                .param("p", periodKey)
                .query(Scorecard.Entry.class)
                .list();
    }

    private void store(long runId, Scorecard.Outcome o) {
        jdbc.batchUpdate(
                "insert into appraisal_result_org (run_id, org_id, org_name, org_path, area_class, headcount, "
                        + "score, rank_no) values (?, ?, ?, ?, ?, ?, ?, ?)",
                o.orgs().stream()
                        .map(r -> new Object[] {
                            runId,
                            r.orgId(),
                            r.orgName(),
                            r.orgPath(),
                            r.areaClass(),
                            r.headcount(),
                            r.score(),
                            r.rank()
                        })
                        .toList());
        jdbc.batchUpdate(
                "insert into appraisal_result_item (run_id, org_id, item_code, actual, target, completion_pct, "
                        + "score) values (?, ?, ?, ?, ?, ?, ?)",
                o.items().stream()
                        .map(r -> new Object[] {
                            runId, r.orgId(), r.itemCode(), r.actual(), r.target(), r.completionPct(), r.score()
                        })
                        .toList());
        jdbc.batchUpdate(
                "insert into appraisal_result_person (run_id, staff_id, staff_name, post_code, org_id, "
                        + "branch_org_id, org_path, branch_score, personal_score, score, rank_in_branch) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                o.people().stream()
                        .map(r -> new Object[] {
                            runId,
                            r.staffId(),
                            r.staffName(),
                            r.postCode(),
                            r.orgId(),
                            r.branchOrgId(),
                            r.orgPath(),
                            r.branchScore(),
                            r.personalScore(),
                            r.score(),
                            r.rankInBranch()
                        })
                        .toList());
        jdbc.batchUpdate(
                "insert into appraisal_result_person_item (run_id, staff_id, item_code, actual, target, "
                        + "completion_pct, score) values (?, ?, ?, ?, ?, ?, ?)",
                o.personItems().stream()
                        .map(r -> new Object[] {
                            runId, r.staffId(), r.itemCode(), r.actual(), r.target(), r.completionPct(), r.score()
                        })
                        .toList());
    }

    /**
     * Publishes a draft run: freezes its period, and funds the branch pools of a quarter from the year's wage budget.
     * Refused for a run already published, a period with another published version, a quarter without a budget.
     */
    @Transactional
    public Run publish(long runId, OrgScope scope) {
        Access.requireWholeBank(scope);
        Run run = find(runId).orElseThrow(() -> new NotFound("appraisal_run", String.valueOf(runId)));
        int changed;
        try {
            changed = db.sql("update appraisal_run set status = 'PUBLISHED', published_key = period_key, "
                            + "published_by = :by, published_at = :at where run_id = :id and status = 'DRAFT'")
                    .param("by", Access.actor())
                    .param("at", OffsetDateTime.now(clock))
                    .param("id", runId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new Rejected("run", "appraisal.rejected.otherPublished", run.periodKey());
        }
        if (changed == 0) {
            throw new Rejected("run", "appraisal.rejected.published", run.periodKey(), run.version());
        }
        int funded = run.period().isQuarter() ? pools.fund(find(runId).orElseThrow()) : 0;
        audit.record(
                "appraisal.publish",
                "appraisal_run",
                String.valueOf(runId),
                Map.of("status", "DRAFT"),
                Map.of("status", "PUBLISHED", "period", run.periodKey(), "version", run.version(), "pools", funded));
        return find(runId).orElseThrow();
    }

    /** Whether more or less is better on an indicator of the library. */
    Indicators.Direction indicatorDirection(String code) {
        return indicators.find(code).map(Indicators.Definition::direction).orElse(Indicators.Direction.UP);
    }

    /** Whether a period is frozen (a version of it is published). */
    public boolean published(String periodKey) {
        return db.sql("select count(*) from appraisal_run where published_key = :p")
                        .param("p", periodKey)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public Optional<Run> find(long runId) {
        return db.sql("select * from appraisal_run where run_id = :id")
                .param("id", runId)
                .query(AppraisalRuns::run)
                .optional();
    }

    /** Every run, newest first (runs carry no bank data, only periods and versions). */
    public List<Run> list() {
        return db.sql("select * from appraisal_run order by period_key desc, version desc")
                .query(AppraisalRuns::run)
                .list();
    }

    /** The run a results page shows by default: the published one of the latest period, else the latest run. */
    public Optional<Run> current() {
        return list().stream()
                .filter(r -> r.status() == Status.PUBLISHED)
                .findFirst()
                .or(() -> list().stream().findFirst());
    }

    /** The branches of a run the user sees, by rank. */
    public List<OrgResult> branches(long runId, Access access) {
        OrgScope.Condition c = access.scope().where("o.org_path", null);
        List<OrgResult> rows = db.sql("select * from appraisal_result_org o where o.run_id = :id and " + c.sql()
                        + " order by o.rank_no, o.org_id")
                .param("id", runId)
                .params(c.params())
                .query(AppraisalRuns::orgResult)
                .list();
        if (access.ownStaffId() == null) {
            return rows;
        }
        Optional<PersonResult> me = person(runId, access.ownStaffId(), access);
        return db.sql("select * from appraisal_result_org o where o.run_id = :id and o.org_id = :b")
                .param("id", runId)
                .param("b", me.map(PersonResult::branchOrgId).orElse(""))
                .query(AppraisalRuns::orgResult)
                .list();
    }

    /** A branch of a run, if the user sees it (their own branch for a customer manager); else not found. */
    public OrgResult branch(long runId, String orgId, Access access) {
        return branches(runId, access).stream()
                .filter(o -> o.orgId().equals(orgId))
                .findFirst()
                .orElseThrow(() -> new NotFound("org", orgId));
    }

    public List<ItemResult> items(long runId, String orgId, Access access) {
        branch(runId, orgId, access);
        return db.sql("select * from appraisal_result_item where run_id = :id and org_id = :o order by item_code")
                .param("id", runId)
                .param("o", orgId)
                .query(ItemResult.class)
                .list();
    }

    /** The people of a branch of a run the user sees, by rank in the branch. */
    public List<PersonResult> people(long runId, @Nullable String branchOrgId, Access access) {
        OrgScope.Condition c = access.scope().where("p.org_path", null);
        return db.sql("select * from appraisal_result_person p where p.run_id = :id and " + c.sql()
                        + (branchOrgId == null ? "" : " and p.branch_org_id = :b")
                        + (access.ownStaffId() == null ? "" : " and p.staff_id = :me")
                        + " order by p.branch_org_id, p.rank_in_branch, p.staff_id")
                .param("id", runId)
                .params(c.params())
                .params(branchOrgId == null ? Map.of() : Map.of("b", branchOrgId))
                .params(access.ownStaffId() == null ? Map.of() : Map.of("me", access.ownStaffId()))
                .query(AppraisalRuns::personResult)
                .list();
    }

    public Optional<PersonResult> person(long runId, String staffId, Access access) {
        return db.sql("select * from appraisal_result_person p where p.run_id = :id and p.staff_id = :s")
                .param("id", runId)
                .param("s", staffId)
                .query(AppraisalRuns::personResult)
                .optional()
                .filter(p -> access.sees(p.orgPath(), p.staffId()));
    }

    public List<PersonItem> personItems(long runId, String staffId, Access access) {
        person(runId, staffId, access).orElseThrow(() -> new NotFound("staff", staffId));
        return db.sql("select * from appraisal_result_person_item where run_id = :id and staff_id = :s "
                        + "order by item_code")
                .param("id", runId)
                .param("s", staffId)
                .query(PersonItem.class)
                .list();
    }

    /**
     * The accounts behind a figure of a run: a person's ({@code staffId}) or a branch's ({@code orgId}) on one
     * indicator, read from the warehouse within the user's scope and the person's org or the branch's subtree.
     */
    public List<Indicators.Account> accounts(
            long runId, @Nullable String staffId, @Nullable String orgId, String itemCode, Access access) {
        Run run = find(runId).orElseThrow(() -> new NotFound("appraisal_run", String.valueOf(runId)));
        Indicators.Definition d = indicators.find(itemCode).orElseThrow(() -> new NotFound("indicator", itemCode));
        if (staffId != null) {
            PersonResult p = person(runId, staffId, access).orElseThrow(() -> new NotFound("staff", staffId));
            return indicators.accounts(
                    d,
                    run.period(),
                    staffId,
                    new OrgRows(
                            access.scope(),
                            d.personLevel()
                                    ? branch(runId, p.branchOrgId(), access).orgPath()
                                    : p.orgPath()));
        }
        if (orgId == null || access.ownStaffId() != null) {
            throw new NotFound("org", String.valueOf(orgId));
        }
        return indicators.accounts(
                d,
                run.period(),
                null,
                new OrgRows(access.scope(), branch(runId, orgId, access).orgPath()));
    }

    /** The branches' and people's scores that differ from the version before (none for a first version). */
    public List<Difference> differences(long runId, Access access) {
        Run run = find(runId).orElseThrow(() -> new NotFound("appraisal_run", String.valueOf(runId)));
        Optional<Run> previous = db.sql("select * from appraisal_run where period_key = :p and version = :v")
                .param("p", run.periodKey())
                .param("v", run.version() - 1)
                .query(AppraisalRuns::run)
                .optional();
        if (previous.isEmpty()) {
            return List.of();
        }
        List<Difference> out = new ArrayList<>();
        Map<String, OrgResult> before = new LinkedHashMap<>();
        branches(previous.get().runId(), access).forEach(o -> before.put(o.orgId(), o));
        for (OrgResult o : branches(runId, access)) {
            OrgResult b = before.get(o.orgId());
            if (b == null || b.score().compareTo(o.score()) != 0 || b.rank() != o.rank()) {
                out.add(new Difference(
                        "ORG",
                        o.orgId(),
                        o.orgName(),
                        b == null ? null : b.score(),
                        o.score(),
                        b == null ? null : b.rank(),
                        o.rank()));
            }
        }
        Map<String, PersonResult> pb = new LinkedHashMap<>();
        people(previous.get().runId(), null, access).forEach(p -> pb.put(p.staffId(), p));
        for (PersonResult p : people(runId, null, access)) {
            PersonResult b = pb.get(p.staffId());
            if (b == null || b.score().compareTo(p.score()) != 0 || b.rankInBranch() != p.rankInBranch()) {
                out.add(new Difference(
                        "PERSON",
                        p.staffId(),
                        p.staffName(),
                        b == null ? null : b.score(),
                        p.score(),
                        b == null ? null : b.rankInBranch(),
                        p.rankInBranch()));
            }
        }
        return out;
    }

    private static Run run(ResultSet rs, int n) throws SQLException {
        java.sql.Date d = rs.getDate("data_date");
        return new Run(
                rs.getLong("run_id"),
                rs.getString("period_key"),
                rs.getInt("version"),
                rs.getInt("scheme_year"),
                rs.getDate("from_date").toLocalDate(),
                rs.getDate("to_date").toLocalDate(),
                d == null ? null : d.toLocalDate(),
                rs.getString("fingerprint"),
                Status.valueOf(rs.getString("status")),
                rs.getString("run_by"),
                rs.getObject("run_at", OffsetDateTime.class),
                rs.getString("published_by"));
    }

    private static OrgResult orgResult(ResultSet rs, int n) throws SQLException {
        return new OrgResult(
                rs.getString("org_id"),
                rs.getString("org_name"),
                rs.getString("org_path"),
                rs.getString("area_class"),
                rs.getInt("headcount"),
                rs.getBigDecimal("score"),
                rs.getInt("rank_no"));
    }

    private static PersonResult personResult(ResultSet rs, int n) throws SQLException {
        return new PersonResult(
                rs.getString("staff_id"),
                rs.getString("staff_name"),
                rs.getString("post_code"),
                rs.getString("org_id"),
                rs.getString("branch_org_id"),
                rs.getString("org_path"),
                rs.getBigDecimal("branch_score"),
                rs.getBigDecimal("personal_score"),
                rs.getBigDecimal("score"),
                rs.getInt("rank_in_branch"));
    }
}
