package org.ruralbank.appraisal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ruralbank.appraisal.internal.JdbcAppraisalRuns;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.Departments;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Rejected;
import org.ruralbank.warehouse.OrgRows;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appraisal runs (考核计算): every branch's, head-office department's and person's results for a period under the
 * year's scheme, computed from the warehouse's indicator queries, the targets and the approved qualitative and
 * bonus/penalty entries.
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
 *
 * <p>What a run reads is gathered by {@link RunInputs}, its results computed by {@link Scorecard}; runs and results are
 * stored by {@code internal.JdbcAppraisalRuns}.
 */
@Service
public class AppraisalRuns {

    public enum Status {
        DRAFT,
        PUBLISHED,
        /** Was published, then replaced by a newer version of its period ({@link #republish}). */
        REPLACED
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
            int rankInBranch,
            @Nullable String deptId) {}

    /**
     * A head-office department's result in a run: its score, its rank among the departments, its head and its
     * members appraised with it, as the run read them.
     */
    public record DeptResult(
            String deptId,
            String deptName,
            String orgPath,
            @Nullable String headStaffId,
            int headcount,
            BigDecimal score,
            int rank) {}

    public record PersonItem(
            String staffId,
            String itemCode,
            BigDecimal actual,
            @Nullable BigDecimal target,
            @Nullable BigDecimal completionPct,
            BigDecimal score) {}

    /**
     * A result that differs from the version before: a branch's (kind ORG), a department's (DEPT) or a person's
     * (PERSON).
     */
    public record Difference(
            String kind,
            String id,
            String name,
            @Nullable BigDecimal before,
            BigDecimal after,
            @Nullable Integer rankBefore,
            int rankAfter) {}

    private final JdbcAppraisalRuns store;
    private final RunInputs inputs;
    private final Schemes schemes;
    private final Indicators indicators;
    private final Pools pools;
    private final Departments departments;
    private final AuditLog audit;
    private final Clock clock;

    AppraisalRuns(
            JdbcAppraisalRuns store,
            RunInputs inputs,
            Schemes schemes,
            Indicators indicators,
            Pools pools,
            Departments departments,
            AuditLog audit,
            Clock clock) {
        this.store = store;
        this.inputs = inputs;
        this.schemes = schemes;
        this.indicators = indicators;
        this.pools = pools;
        this.departments = departments;
        this.audit = audit;
        this.clock = clock;
    }

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
        Scorecard.Inputs read = inputs.of(period, scheme);
        Scorecard.Outcome outcome = Scorecard.compute(read);
        int version = store.nextVersion(period.key());
        long runId;
        try {
            runId = store.insert(
                    period, version, read.dataDate(), outcome.fingerprint(), Access.actor(), OffsetDateTime.now(clock));
        } catch (DuplicateKeyException e) {
            throw new Rejected("period", "appraisal.rejected.concurrentRun", period.key());
        }
        store.storeResults(runId, outcome.orgs(), outcome.items(), outcome.people(), outcome.personItems());
        store.storeDepartments(runId, outcome.departments(), outcome.departmentItems());
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
                        outcome.people().size(),
                        "departments",
                        outcome.departments().size()));
        return find(runId).orElseThrow();
    }

    /** The last business date of the period the warehouse holds, or null. */
    public @Nullable LocalDate dataDate(Period period) {
        return inputs.dataDate(period);
    }

    /**
     * Publishes a draft run: freezes its period, and funds the branch pools of its period from the year's wage budget
     * ({@link Pools#fund}). Refused for a run already published, a period with another published version (which
     * {@link #republish} replaces), a period without a budget.
     */
    @Transactional
    public Run publish(long runId, OrgScope scope) {
        Access.requireWholeBank(scope);
        Run run = draft(runId);
        int funded = publishDraft(run);
        audit.record(
                "appraisal.publish",
                "appraisal_run",
                String.valueOf(runId),
                Map.of("status", "DRAFT"),
                Map.of("status", "PUBLISHED", "period", run.periodKey(), "version", run.version(), "pools", funded));
        return find(runId).orElseThrow();
    }

    /**
     * Republishes a period: a newer draft version takes the place of the published one, in one transaction. The old
     * version becomes {@code REPLACED} (kept, with its results, naming the run that replaced it); its pools are
     * withdrawn (refused while one is submitted or approved) and the new version's are funded. Refused for a run
     * that is not a draft, a period not yet published, a version older than the published one.
     */
    @Transactional
    public Run republish(long runId, OrgScope scope) {
        Access.requireWholeBank(scope);
        Run run = draft(runId);
        Run old = store.publishedRun(run.periodKey())
                .orElseThrow(() -> new Rejected("run", "appraisal.rejected.notPublished", run.periodKey()));
        if (old.version() > run.version()) {
            throw new Rejected("run", "appraisal.rejected.olderVersion", run.version(), old.version());
        }
        int differences = differences(runId, Access.everything()).size();
        int withdrawn = pools.withdraw(old);
        if (store.replace(old.runId(), runId, OffsetDateTime.now(clock)) == 0) {
            throw new Rejected("run", "appraisal.rejected.concurrentRun", run.periodKey());
        }
        int funded = publishDraft(run);
        audit.record(
                "appraisal.republish",
                "appraisal_run",
                String.valueOf(runId),
                Map.of("run", old.runId(), "version", old.version(), "pools", withdrawn),
                Map.of(
                        "run",
                        runId,
                        "period",
                        run.periodKey(),
                        "version",
                        run.version(),
                        "differences",
                        differences,
                        "pools",
                        funded));
        return find(runId).orElseThrow();
    }

    private Run draft(long runId) {
        Run run = find(runId).orElseThrow(() -> new NotFound("appraisal_run", String.valueOf(runId)));
        if (run.status() != Status.DRAFT) {
            throw new Rejected("run", "appraisal.rejected.published", run.periodKey(), run.version());
        }
        return run;
    }

    /** Marks a draft published and funds its pools; the database refuses a second published version of a period. */
    private int publishDraft(Run run) {
        int changed;
        try {
            changed = store.publish(run.runId(), Access.actor(), OffsetDateTime.now(clock));
        } catch (DuplicateKeyException e) {
            throw new Rejected("run", "appraisal.rejected.otherPublished", run.periodKey());
        }
        if (changed == 0) {
            throw new Rejected("run", "appraisal.rejected.published", run.periodKey(), run.version());
        }
        return pools.fund(find(run.runId()).orElseThrow());
    }

    /** The published version of a period, if any. */
    public Optional<Run> publishedRun(String periodKey) {
        return store.publishedRun(periodKey);
    }

    /** Whether more or less is better on an indicator of the library. */
    Indicators.Direction indicatorDirection(String code) {
        return indicators.find(code).map(Indicators.Definition::direction).orElse(Indicators.Direction.UP);
    }

    /** Whether a period is frozen (a version of it is published). */
    public boolean published(String periodKey) {
        return store.published(periodKey);
    }

    public Optional<Run> find(long runId) {
        return store.find(runId);
    }

    /** Every run, newest first (runs carry no bank data, only periods and versions). */
    public List<Run> list() {
        return store.list();
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
        List<OrgResult> rows = store.branches(runId, access.scope());
        if (access.ownStaffId() == null) {
            return rows;
        }
        Optional<PersonResult> me = person(runId, access.ownStaffId(), access);
        return store.branch(runId, me.map(PersonResult::branchOrgId).orElse(""));
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
        return store.items(runId, orgId);
    }

    /** The people of a branch of a run the user sees, by rank in the branch. */
    public List<PersonResult> people(long runId, @Nullable String branchOrgId, Access access) {
        return store.people(runId, access.scope(), branchOrgId, access.ownStaffId());
    }

    public Optional<PersonResult> person(long runId, String staffId, Access access) {
        return store.person(runId, staffId)
                .filter(p -> access.sees(p.orgPath(), p.staffId())
                        || (p.deptId() != null && headed(access).contains(p.deptId())));
    }

    // ---------------------------------------------------------------- departments

    /**
     * The departments of a run the user sees, by rank: every department within the scope for the performance office,
     * auditors and administrators; for anyone else only the departments they head now.
     */
    public List<DeptResult> departments(long runId, Access access) {
        List<DeptResult> rows = store.departments(runId, access.scope());
        if (access.office() && access.ownStaffId() == null) {
            return rows;
        }
        List<String> mine = headed(access);
        return rows.stream().filter(d -> mine.contains(d.deptId())).toList();
    }

    /** A department of a run, if the user sees it; else not found. */
    public DeptResult department(long runId, String deptId, Access access) {
        return departments(runId, access).stream()
                .filter(d -> d.deptId().equals(deptId))
                .findFirst()
                .orElseThrow(() -> new NotFound("department", deptId));
    }

    /** A department's items of a run (its indicators, qualitative items and bonus/penalty points). */
    public List<ItemResult> departmentItems(long runId, String deptId, Access access) {
        department(runId, deptId, access);
        return store.departmentItems(runId, deptId);
    }

    /** The items of the department a person the user sees was appraised with (none for branch staff). */
    public List<ItemResult> departmentItemsOf(long runId, String staffId, Access access) {
        PersonResult p = person(runId, staffId, access).orElseThrow(() -> new NotFound("staff", staffId));
        return p.deptId() == null ? List.of() : store.departmentItems(runId, p.deptId());
    }

    /** The members of a department appraised with it in a run, if the user sees the department. */
    public List<PersonResult> departmentPeople(long runId, String deptId, Access access) {
        department(runId, deptId, access);
        return store.departmentPeople(runId, deptId);
    }

    /**
     * The accounts behind a department's figure of a run on one of its indicators: the bank's accounts (the
     * department's figure is the bank's), read within the user's scope; a department the user does not see answers
     * not found.
     */
    public List<Indicators.Account> departmentAccounts(long runId, String deptId, String itemCode, Access access) {
        Run run = find(runId).orElseThrow(() -> new NotFound("appraisal_run", String.valueOf(runId)));
        Indicators.Definition d = indicators.find(itemCode).orElseThrow(() -> new NotFound("indicator", itemCode));
        DeptResult dept = department(runId, deptId, access);
        return indicators.accounts(d, run.period(), null, new OrgRows(access.scope(), dept.orgPath()));
    }

    /** The ids of the open departments the user heads. */
    private List<String> headed(Access access) {
        return departments.headedBy(access.staffId()).stream()
                .map(org.ruralbank.platform.Department::deptId)
                .toList();
    }

    /** Whether the user heads a department (and so sees it, though they see only their own results otherwise). */
    public boolean headsADepartment(Access access) {
        return !headed(access).isEmpty();
    }

    public List<PersonItem> personItems(long runId, String staffId, Access access) {
        person(runId, staffId, access).orElseThrow(() -> new NotFound("staff", staffId));
        return store.personItems(runId, staffId);
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

    /**
     * The branches', departments' and people's scores or ranks that differ from the version before (none for a first
     * version), within what the user sees.
     */
    public List<Difference> differences(long runId, Access access) {
        Run run = find(runId).orElseThrow(() -> new NotFound("appraisal_run", String.valueOf(runId)));
        Optional<Run> previous = store.find(run.periodKey(), run.version() - 1);
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
        Map<String, DeptResult> db = new LinkedHashMap<>();
        departments(previous.get().runId(), access).forEach(d -> db.put(d.deptId(), d));
        for (DeptResult d : departments(runId, access)) {
            DeptResult b = db.get(d.deptId());
            if (b == null || b.score().compareTo(d.score()) != 0 || b.rank() != d.rank()) {
                out.add(new Difference(
                        "DEPT",
                        d.deptId(),
                        d.deptName(),
                        b == null ? null : b.score(),
                        d.score(),
                        b == null ? null : b.rank(),
                        d.rank()));
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
}
