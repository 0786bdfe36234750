package org.ruralbank.crm.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ruralbank.crm.Contacts;
import org.ruralbank.crm.MarketingLists;
import org.ruralbank.crm.Tasks.Batch;
import org.ruralbank.crm.Tasks.Task;
import org.ruralbank.platform.OrgScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tasks made from marketing lists in the operational store ({@code crm_task}); public because {@code Tasks} uses it. */
@Repository
public class JdbcTasks {

    private final JdbcClient db;

    JdbcTasks(JdbcClient db) {
        this.db = db;
    }

    /** Inserts a task unless the customer already has one of the same list and date; whether it inserted. */
    public boolean insert(
            MarketingLists.Kind kind,
            LocalDate listDate,
            MarketingLists.Entry e,
            @Nullable String staffId,
            String createdBy,
            OffsetDateTime at) {
        return db.sql("insert into crm_task (list_kind, list_date, cust_id, cust_name, org_path, staff_id, detail, "
                                + "created_by, created_at) values (:kind, :date, :cust, :name, :path, :staff, :detail, "
                                + ":by, :at) on conflict do nothing")
                        .param("kind", kind.name())
                        .param("date", listDate)
                        .param("cust", e.custId())
                        .param("name", e.custName())
                        .param("path", e.orgPath())
                        .param("staff", staffId)
                        .param("detail", e.detail())
                        .param("by", createdBy)
                        .param("at", at)
                        .update()
                == 1;
    }

    /** The lists worked within {@code scope}, newest first: at most {@code limit}. */
    public List<Batch> batches(OrgScope scope, int limit) {
        OrgScope.Condition c = scope.where("org_path", "staff_id");
        return db.sql("select list_kind, list_date, count(*) as tasks from crm_task "
                        + "where " + c.sql() + " group by list_kind, list_date "
                        + "order by list_date desc, list_kind limit :limit")
                .params(c.params())
                .param("limit", limit)
                .query((rs, n) -> new Batch(
                        MarketingLists.Kind.valueOf(rs.getString("list_kind")),
                        rs.getObject("list_date", LocalDate.class),
                        rs.getInt("tasks")))
                .list();
    }

    /** The tasks of a list worked on {@code listDate} within {@code scope}, by customer, with their last contact. */
    public List<Task> of(MarketingLists.Kind kind, LocalDate listDate, OrgScope scope) {
        OrgScope.Condition c = scope.where("t.org_path", "t.staff_id");
        return db.sql("select t.*, (select k.outcome from crm_contact k where k.cust_id = t.cust_id "
                        + "and k.contact_date >= t.list_date order by k.contact_date desc, k.contact_id desc limit 1) "
                        + "as last_outcome from crm_task t where t.list_kind = :kind and t.list_date = :date and "
                        + c.sql() + " order by t.cust_id")
                .params(c.params())
                .param("kind", kind.name())
                .param("date", listDate)
                .query(JdbcTasks::task)
                .list();
    }

    private static Task task(ResultSet rs, int n) throws SQLException {
        String last = rs.getString("last_outcome");
        return new Task(
                rs.getLong("task_id"),
                MarketingLists.Kind.valueOf(rs.getString("list_kind")),
                rs.getObject("list_date", LocalDate.class),
                rs.getString("cust_id"),
                rs.getString("cust_name"),
                rs.getString("staff_id"),
                rs.getString("created_by"),
                rs.getString("detail"),
                last == null ? null : Contacts.Outcome.valueOf(last));
    }
}
