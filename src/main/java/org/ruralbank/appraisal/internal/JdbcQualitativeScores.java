package org.ruralbank.appraisal.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.ruralbank.appraisal.QualitativeScores.Entry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The qualitative scores and bonus and penalty points entered per branch and period, in the operational store (table
 * {@code appraisal_entry} of V21, one entry per period, branch, kind and item by unique key). An entry is approved only
 * from PENDING ({@link #approve}), so two checkers at once cannot both approve it.
 */
@Repository
public class JdbcQualitativeScores {

    private final JdbcClient db;

    JdbcQualitativeScores(JdbcClient db) {
        this.db = db;
    }

    /** The entries of a period by branch, kind and item. */
    public List<Entry> of(String periodKey) {
        return db.sql("select * from appraisal_entry where period_key = :p order by org_id, kind, item_code")
                .param("p", periodKey)
                .query(Entry.class)
                .list();
    }

    /** The approved entries of a period by branch, kind and item: what a run counts. */
    public List<Entry> approved(String periodKey) {
        return db.sql("select * from appraisal_entry where period_key = :p and status = 'APPROVED' "
                        + "order by org_id, kind, item_code")
                .param("p", periodKey)
                .query(Entry.class)
                .list();
    }

    public Optional<Entry> find(long entryId) {
        return db.sql("select * from appraisal_entry where entry_id = :id")
                .param("id", entryId)
                .query(Entry.class)
                .optional();
    }

    /** The entry of a branch's item of a period, if one was entered. */
    public Optional<Entry> find(String periodKey, String orgId, String kind, String itemCode) {
        return db.sql("select * from appraisal_entry where period_key = :p and org_id = :o and kind = :k "
                        + "and item_code = :i")
                .param("p", periodKey)
                .param("o", orgId)
                .param("k", kind)
                .param("i", itemCode)
                .query(Entry.class)
                .optional();
    }

    /** Inserts a pending entry. */
    public void insert(
            String periodKey,
            String orgId,
            String kind,
            String itemCode,
            BigDecimal points,
            String reason,
            String enteredBy,
            OffsetDateTime enteredAt) {
        db.sql("insert into appraisal_entry (period_key, org_id, kind, item_code, points, reason, status, entered_by, "
                        + "entered_at) values (:p, :o, :k, :i, :pts, :r, 'PENDING', :by, :at)")
                .param("p", periodKey)
                .param("o", orgId)
                .param("k", kind)
                .param("i", itemCode)
                .param("pts", points)
                .param("r", reason)
                .param("by", enteredBy)
                .param("at", enteredAt)
                .update();
    }

    /** Enters an entry again: new points and reason, pending again, its decision cleared. */
    public void reenter(long entryId, BigDecimal points, String reason, String enteredBy, OffsetDateTime enteredAt) {
        reenterIn("appraisal_entry", entryId, points, reason, enteredBy, enteredAt);
    }

    /** Approves a pending entry; returns 0 when it was no longer pending. */
    public int approve(long entryId, String decidedBy, OffsetDateTime decidedAt) {
        return approveIn("appraisal_entry", entryId, decidedBy, decidedAt);
    }

    /** Rejects a pending entry with a reason; returns 0 when it was no longer pending. */
    public int reject(long entryId, String decidedBy, String reason, OffsetDateTime decidedAt) {
        return rejectIn("appraisal_entry", entryId, decidedBy, reason, decidedAt);
    }

    // the branches' and the departments' entries are kept alike, each in its table (a constant, never input)

    private void reenterIn(
            String table, long entryId, BigDecimal points, String reason, String enteredBy, OffsetDateTime enteredAt) {
        db.sql("update " + table + " set points = :pts, reason = :r, status = 'PENDING', entered_by = :by, "
                        + "entered_at = :at, decided_by = null, decided_at = null, decision_reason = null "
                        + "where entry_id = :id")
                .param("pts", points)
                .param("r", reason)
                .param("by", enteredBy)
                .param("at", enteredAt)
                .param("id", entryId)
                .update();
    }

    private int approveIn(String table, long entryId, String decidedBy, OffsetDateTime decidedAt) {
        return db.sql("update " + table + " set status = 'APPROVED', decided_by = :by, decided_at = :at "
                        + "where entry_id = :id and status = 'PENDING'")
                .param("by", decidedBy)
                .param("at", decidedAt)
                .param("id", entryId)
                .update();
    }

    private int rejectIn(String table, long entryId, String decidedBy, String reason, OffsetDateTime decidedAt) {
        return db.sql("update " + table + " set status = 'REJECTED', decided_by = :by, decided_at = :at, "
                        + "decision_reason = :r where entry_id = :id and status = 'PENDING'")
                .param("by", decidedBy)
                .param("at", decidedAt)
                .param("r", reason)
                .param("id", entryId)
                .update();
    }

    // ---------------------------------------------------------------- departments' entries (appraisal_dept_entry)
    // The same records and rules as the branches' entries; an Entry's orgId holds the department id.

    private static final String DEPT =
            "select entry_id, period_key, dept_id as org_id, kind, item_code, points, reason, "
                    + "status, entered_by, decided_by, decision_reason from appraisal_dept_entry";

    /** The departments' entries of a period by department, kind and item. */
    public List<Entry> departmentsOf(String periodKey) {
        return db.sql(DEPT + " where period_key = :p order by dept_id, kind, item_code")
                .param("p", periodKey)
                .query(Entry.class)
                .list();
    }

    /** The approved departments' entries of a period: what a run counts. */
    public List<Entry> departmentsApproved(String periodKey) {
        return db.sql(DEPT + " where period_key = :p and status = 'APPROVED' order by dept_id, kind, item_code")
                .param("p", periodKey)
                .query(Entry.class)
                .list();
    }

    public Optional<Entry> findDepartmentEntry(long entryId) {
        return db.sql(DEPT + " where entry_id = :id")
                .param("id", entryId)
                .query(Entry.class)
                .optional();
    }

    public Optional<Entry> findDepartmentEntry(String periodKey, String deptId, String kind, String itemCode) {
        return db.sql(DEPT + " where period_key = :p and dept_id = :o and kind = :k and item_code = :i")
                .param("p", periodKey)
                .param("o", deptId)
                .param("k", kind)
                .param("i", itemCode)
                .query(Entry.class)
                .optional();
    }

    public void insertDepartmentEntry(
            String periodKey,
            String deptId,
            String kind,
            String itemCode,
            BigDecimal points,
            String reason,
            String enteredBy,
            OffsetDateTime enteredAt) {
        db.sql("insert into appraisal_dept_entry (period_key, dept_id, kind, item_code, points, reason, status, "
                        + "entered_by, entered_at) values (:p, :o, :k, :i, :pts, :r, 'PENDING', :by, :at)")
                .param("p", periodKey)
                .param("o", deptId)
                .param("k", kind)
                .param("i", itemCode)
                .param("pts", points)
                .param("r", reason)
                .param("by", enteredBy)
                .param("at", enteredAt)
                .update();
    }

    public void reenterDepartmentEntry(
            long entryId, BigDecimal points, String reason, String enteredBy, OffsetDateTime enteredAt) {
        reenterIn("appraisal_dept_entry", entryId, points, reason, enteredBy, enteredAt);
    }

    /** Approves a pending department entry; returns 0 when it was no longer pending. */
    public int approveDepartmentEntry(long entryId, String decidedBy, OffsetDateTime decidedAt) {
        return approveIn("appraisal_dept_entry", entryId, decidedBy, decidedAt);
    }

    /** Rejects a pending department entry with a reason; returns 0 when it was no longer pending. */
    public int rejectDepartmentEntry(long entryId, String decidedBy, String reason, OffsetDateTime decidedAt) {
        return rejectIn("appraisal_dept_entry", entryId, decidedBy, reason, decidedAt);
    }
}
