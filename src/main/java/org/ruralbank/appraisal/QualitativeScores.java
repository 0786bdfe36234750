package org.ruralbank.appraisal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.ruralbank.appraisal.internal.JdbcQualitativeScores;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.Department;
import org.ruralbank.platform.Departments;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.Rejected;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the head office's departments enter per branch and period, with maker-checker: qualitative scores (QUAL, 0-100
 * for an item of the year's scheme) and bonus (+) or penalty (−) points (BONUS, PENALTY, 0-20, e.g. a compliance
 * finding), each with a reason. An entry counts in a run only once a second person approved it; the second person may
 * instead reject it with a reason, which the maker sees; entering it again makes it pending again (and clears the
 * decision). A published period's entries no longer change. Every step is audited.
 */
@Service
public class QualitativeScores {

    public record Entry(
            long entryId,
            String periodKey,
            String orgId,
            String kind,
            String itemCode,
            BigDecimal points,
            String reason,
            String status,
            String enteredBy,
            @Nullable String decidedBy,
            @Nullable String decisionReason) {}

    static final BigDecimal MAX_ADJUSTMENT = BigDecimal.valueOf(20);

    private final JdbcQualitativeScores store;
    private final Schemes schemes;
    private final AppraisalRuns runs;
    private final Orgs orgs;
    private final Departments departments;
    private final AuditLog audit;
    private final Clock clock;
    private final Book branchEntries;
    private final Book departmentEntries;

    QualitativeScores(
            JdbcQualitativeScores store,
            Schemes schemes,
            AppraisalRuns runs,
            Orgs orgs,
            Departments departments,
            AuditLog audit,
            Clock clock) {
        this.store = store;
        this.schemes = schemes;
        this.runs = runs;
        this.orgs = orgs;
        this.departments = departments;
        this.audit = audit;
        this.clock = clock;
        this.branchEntries = new Book(
                "appraisal_entry",
                store::find,
                store::find,
                store::insert,
                store::reenter,
                store::approve,
                store::reject);
        this.departmentEntries = new Book(
                "appraisal_dept_entry",
                store::findDepartmentEntry,
                store::findDepartmentEntry,
                store::insertDepartmentEntry,
                store::reenterDepartmentEntry,
                store::approveDepartmentEntry,
                store::rejectDepartmentEntry);
    }

    public List<Entry> of(String periodKey) {
        return store.of(periodKey);
    }

    /** Enters (or enters again) a branch's score or points for a period; pending until another person approves. */
    @Transactional
    public Entry enter(
            String periodText,
            String orgId,
            String kind,
            String itemCode,
            String pointsText,
            String reason,
            OrgScope scope) {
        return enterAs(Access.actor(), periodText, orgId, kind, itemCode, pointsText, reason, scope);
    }

    /** {@link #enter} on behalf of a named department user (the sample bank's entries). */
    @Transactional
    Entry enterAs(
            String actor,
            String periodText,
            String orgId,
            String kind,
            String itemCode,
            String pointsText,
            String reason,
            OrgScope scope) {
        Access.requireWholeBank(scope);
        Period period = open(periodText);
        Org org = orgs.find(orgId == null ? "" : orgId)
                .filter(o -> o.level() == Org.BRANCH)
                .orElseThrow(() -> new Rejected("orgId", "appraisal.rejected.branch", String.valueOf(orgId)));
        Supplier<List<Schemes.Item>> items = () -> schemes.find(period.year()).stream()
                .flatMap(s -> s.items().stream())
                .toList();
        return enterIn(branchEntries, actor, period, org.orgId(), items, kind, itemCode, pointsText, reason);
    }

    /** A second person approves a pending entry (the one who entered it cannot). */
    @Transactional
    public Entry approve(long entryId, OrgScope scope) {
        return approveAs(Access.actor(), entryId, scope);
    }

    /** {@link #approve} on behalf of a named checker (the sample bank's entries). */
    @Transactional
    Entry approveAs(String actor, long entryId, OrgScope scope) {
        return approveIn(branchEntries, actor, entryId, scope);
    }

    /**
     * A second person rejects a pending entry with a reason (the one who entered it cannot); it no longer counts until
     * it is entered again.
     */
    @Transactional
    public Entry reject(long entryId, String reason, OrgScope scope) {
        return rejectIn(branchEntries, entryId, reason, scope);
    }

    // ---------------------------------------------------------------- departments (部室考核)

    /** The departments' entries of a period (an entry's {@code orgId} is the department's id). */
    public List<Entry> departmentsOf(String periodKey) {
        return store.departmentsOf(periodKey);
    }

    /**
     * Enters (or enters again) a department's qualitative score (for a QUAL item of the department's items of the
     * year) or bonus/penalty points for a period, by the rules of the branches' entries; pending until another person
     * approves.
     */
    @Transactional
    public Entry enterForDepartment(
            String periodText,
            String deptId,
            String kind,
            String itemCode,
            String pointsText,
            String reason,
            OrgScope scope) {
        return enterForDepartmentAs(Access.actor(), periodText, deptId, kind, itemCode, pointsText, reason, scope);
    }

    @Transactional
    Entry enterForDepartmentAs(
            String actor,
            String periodText,
            String deptId,
            String kind,
            String itemCode,
            String pointsText,
            String reason,
            OrgScope scope) {
        Access.requireWholeBank(scope);
        Period period = open(periodText);
        Department dept = departments
                .find(deptId == null ? "" : deptId.strip())
                .filter(Department::open)
                .orElseThrow(() -> new Rejected("deptId", "appraisal.rejected.department", String.valueOf(deptId)));
        Supplier<List<Schemes.Item>> items =
                () -> schemes.departmentItems(period.year()).getOrDefault(dept.deptId(), List.of());
        return enterIn(departmentEntries, actor, period, dept.deptId(), items, kind, itemCode, pointsText, reason);
    }

    /** A second person approves a department's pending entry (the one who entered it cannot). */
    @Transactional
    public Entry approveDepartmentEntry(long entryId, OrgScope scope) {
        return approveDepartmentEntryAs(Access.actor(), entryId, scope);
    }

    @Transactional
    Entry approveDepartmentEntryAs(String actor, long entryId, OrgScope scope) {
        return approveIn(departmentEntries, actor, entryId, scope);
    }

    /** A second person rejects a department's pending entry with a reason (the one who entered it cannot). */
    @Transactional
    public Entry rejectDepartmentEntry(long entryId, String reason, OrgScope scope) {
        return rejectIn(departmentEntries, entryId, reason, scope);
    }

    /** Where entries are kept: a branch's or a department's, entered and decided the same way. */
    private record Book(
            String table,
            LongFunction<Optional<Entry>> find,
            Keyed findKeyed,
            Inserting insert,
            Reentering reenter,
            Approving approve,
            Rejecting reject) {}

    private interface Keyed {
        Optional<Entry> apply(String periodKey, String unitId, String kind, String itemCode);
    }

    private interface Inserting {
        void apply(
                String periodKey,
                String unitId,
                String kind,
                String itemCode,
                BigDecimal points,
                String reason,
                String enteredBy,
                OffsetDateTime enteredAt);
    }

    private interface Reentering {
        void apply(long entryId, BigDecimal points, String reason, String enteredBy, OffsetDateTime enteredAt);
    }

    private interface Approving {
        int apply(long entryId, String actor, OffsetDateTime at);
    }

    private interface Rejecting {
        int apply(long entryId, String actor, String reason, OffsetDateTime at);
    }

    /** The period of an entry, refused when its run is published. */
    private Period open(String periodText) {
        Period period = Period.parse(periodText);
        if (runs.published(period.key())) {
            throw new Rejected("period", "appraisal.rejected.frozen", period.key());
        }
        return period;
    }

    /**
     * Enters (or enters again) a unit's entry in a book: a known kind, a QUAL item among the unit's {@code items} of
     * the year (read only for a QUAL entry), points in bounds, a reason; pending until another person approves.
     */
    private Entry enterIn(
            Book book,
            String actor,
            Period period,
            String unitId,
            Supplier<List<Schemes.Item>> items,
            String kind,
            String itemCode,
            String pointsText,
            String reason) {
        if (!List.of("QUAL", "BONUS", "PENALTY").contains(kind)) {
            throw new Rejected("kind", "appraisal.rejected.kind", String.valueOf(kind));
        }
        String item = itemCode == null ? "" : itemCode.strip();
        if (kind.equals("QUAL")
                && items.get().stream()
                        .noneMatch(
                                i -> i.kind() == Schemes.Kind.QUAL && i.code().equals(item))) {
            throw new Rejected("itemCode", "appraisal.rejected.qualItem", item, period.year());
        }
        if (item.isEmpty() || item.length() > 40) {
            throw new Rejected("itemCode", "appraisal.rejected.itemCode", item);
        }
        BigDecimal points = points(kind, pointsText);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 200) {
            throw new Rejected("reason", "appraisal.rejected.reason");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Entry> before = book.findKeyed().apply(period.key(), unitId, kind, item);
        if (before.isEmpty()) {
            book.insert().apply(period.key(), unitId, kind, item, points, why, actor, now);
        } else {
            book.reenter().apply(before.get().entryId(), points, why, actor, now);
        }
        Entry after = book.findKeyed().apply(period.key(), unitId, kind, item).orElseThrow();
        audit.record(
                "appraisal.entry.enter",
                book.table(),
                String.valueOf(after.entryId()),
                before.map(QualitativeScores::describe).orElse(Map.of()),
                describe(after));
        return after;
    }

    /** Approves a pending entry of a book: not the one who entered it, not in a published period. */
    private Entry approveIn(Book book, String actor, long entryId, OrgScope scope) {
        Access.requireWholeBank(scope);
        Entry e = book.find().apply(entryId).orElseThrow(() -> new NotFound(book.table(), String.valueOf(entryId)));
        if (runs.published(e.periodKey())) {
            throw new Rejected("period", "appraisal.rejected.frozen", e.periodKey());
        }
        if (e.enteredBy().equals(actor)) {
            throw new Rejected("entry", "appraisal.rejected.ownEntry");
        }
        if (book.approve().apply(entryId, actor, OffsetDateTime.now(clock)) == 0) {
            throw new Rejected("entry", "appraisal.rejected.entryStatus", e.status());
        }
        Entry after = book.find().apply(entryId).orElseThrow();
        audit.record("appraisal.entry.approve", book.table(), String.valueOf(entryId), describe(e), describe(after));
        return after;
    }

    /** Rejects a pending entry of a book with a reason: not the one who entered it, not in a published period. */
    private Entry rejectIn(Book book, long entryId, String reason, OrgScope scope) {
        Access.requireWholeBank(scope);
        Entry e = book.find().apply(entryId).orElseThrow(() -> new NotFound(book.table(), String.valueOf(entryId)));
        if (runs.published(e.periodKey())) {
            throw new Rejected("period", "appraisal.rejected.frozen", e.periodKey());
        }
        String actor = Access.actor();
        if (e.enteredBy().equals(actor)) {
            throw new Rejected("entry", "appraisal.rejected.ownReject");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 200) {
            throw new Rejected("decisionReason", "appraisal.rejected.decisionReason");
        }
        if (book.reject().apply(entryId, actor, why, OffsetDateTime.now(clock)) == 0) {
            throw new Rejected("entry", "appraisal.rejected.entryStatus", e.status());
        }
        Entry after = book.find().apply(entryId).orElseThrow();
        Map<String, Object> described = new java.util.LinkedHashMap<>(describe(after));
        described.put("decisionReason", why);
        audit.record("appraisal.entry.reject", book.table(), String.valueOf(entryId), describe(e), described);
        return after;
    }

    /** The points of an entry: 0-100 for a qualitative score, 0-20 for bonus or penalty points, 2 decimals. */
    private static BigDecimal points(String kind, String pointsText) {
        BigDecimal points;
        try {
            points = new BigDecimal(pointsText == null ? "" : pointsText.strip());
        } catch (NumberFormatException e) {
            throw new Rejected("points", "appraisal.rejected.points", String.valueOf(pointsText));
        }
        BigDecimal max = kind.equals("QUAL") ? Schemes.HUNDRED : MAX_ADJUSTMENT;
        if (points.signum() < 0 || points.compareTo(max) > 0 || points.scale() > 2) {
            throw new Rejected("points", "appraisal.rejected.points", pointsText);
        }
        return points;
    }

    private static Map<String, Object> describe(Entry e) {
        return Map.of(
                "period",
                e.periodKey(),
                "org",
                e.orgId(),
                "kind",
                e.kind(),
                "item",
                e.itemCode(),
                "points",
                e.points().toPlainString(),
                "status",
                e.status(),
                "by",
                e.enteredBy());
    }
}
