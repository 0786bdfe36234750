package org.ruralbank.crm.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ruralbank.crm.HandOvers.HandedCustomer;
import org.ruralbank.crm.HandOvers.Proposed;
import org.ruralbank.crm.HandOvers.Receiver;
import org.ruralbank.crm.HandOvers.Status;
import org.ruralbank.platform.OrgScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The hand-overs in the operational store ({@code crm_handover} and its receivers and customers); public because
 * {@code HandOvers} uses it. A second pending hand-over of a manager, or of a customer already in one, conflicts on
 * the unique keys {@code pending_from} and {@code pending_cust_id}.
 */
@Repository
public class JdbcHandOvers {

    private final JdbcClient db;

    JdbcHandOvers(JdbcClient db) {
        this.db = db;
    }

    public long insert(
            String fromStaff,
            String orgPath,
            LocalDate effective,
            int customers,
            @Nullable String note,
            String proposedBy,
            OffsetDateTime at) {
        db.sql("insert into crm_handover (from_staff, org_path, effective_date, status, customers, note, proposed_by, "
                        + "proposed_at, pending_from) values (:from, :path, :effective, 'PENDING', :customers, :note, "
                        + ":by, :at, :from)")
                .param("from", fromStaff)
                .param("path", orgPath)
                .param("effective", effective)
                .param("customers", customers)
                .param("note", note)
                .param("by", proposedBy)
                .param("at", at)
                .update();
        return db.sql("select handover_id from crm_handover where pending_from = :from")
                .param("from", fromStaff)
                .query(Long.class)
                .single();
    }

    public void insertReceiver(long id, Receiver r) {
        db.sql("insert into crm_handover_to (handover_id, to_staff, org_path, fraction) values (:id, :to, :path, :f)")
                .param("id", id)
                .param("to", r.staffId())
                .param("path", r.orgPath())
                .param("f", r.fraction())
                .update();
    }

    public void insertCustomer(long id, String custId, String orgPath) {
        db.sql("insert into crm_handover_customer (handover_id, cust_id, org_path, pending_cust_id) "
                        + "values (:id, :cust, :path, :cust)")
                .param("id", id)
                .param("cust", custId)
                .param("path", orgPath)
                .update();
    }

    /** Decides a pending hand-over; false when it was no longer pending. */
    public boolean decide(long id, Status status, String by, OffsetDateTime at) {
        int n = db.sql("update crm_handover set status = :status, decided_by = :by, decided_at = :at, "
                        + "pending_from = null where handover_id = :id and status = 'PENDING'")
                .param("status", status.name())
                .param("by", by)
                .param("at", at)
                .param("id", id)
                .update();
        db.sql("update crm_handover_customer set pending_cust_id = null where handover_id = :id")
                .param("id", id)
                .update();
        return n == 1;
    }

    public Optional<Proposed> find(long id) {
        return db.sql("select * from crm_handover where handover_id = :id")
                .param("id", id)
                .query((rs, n) -> proposed(rs))
                .optional();
    }

    public List<Proposed> list(OrgScope scope, int limit) {
        OrgScope.Condition c = scope.where("org_path", null);
        return db.sql("select * from crm_handover where " + c.sql() + " order by handover_id desc fetch first " + limit
                        + " rows only")
                .params(c.params())
                .query((rs, n) -> proposed(rs))
                .list();
    }

    public List<HandedCustomer> customers(long id) {
        return db.sql("select cust_id, org_path from crm_handover_customer where handover_id = :id order by cust_id")
                .param("id", id)
                .query((rs, n) -> new HandedCustomer(rs.getString("cust_id"), rs.getString("org_path")))
                .list();
    }

    private List<Receiver> receivers(long id) {
        return db.sql("select to_staff, org_path, fraction from crm_handover_to where handover_id = :id "
                        + "order by to_staff")
                .param("id", id)
                .query((rs, n) ->
                        new Receiver(rs.getString("to_staff"), rs.getString("org_path"), rs.getBigDecimal("fraction")))
                .list();
    }

    private Proposed proposed(ResultSet rs) throws SQLException {
        long id = rs.getLong("handover_id");
        return new Proposed(
                id,
                rs.getString("from_staff"),
                rs.getString("org_path"),
                rs.getObject("effective_date", LocalDate.class),
                Status.valueOf(rs.getString("status")),
                rs.getInt("customers"),
                rs.getString("note"),
                rs.getString("proposed_by"),
                rs.getObject("proposed_at", OffsetDateTime.class),
                rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class),
                receivers(id));
    }
}
