package org.ruralbank.points.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Households and their members; a customer is in at most one (the member table's primary key). */
@Repository
public class JdbcHouseholds {

    private final JdbcClient db;
    private final Clock clock;

    JdbcHouseholds(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Optional<Long> householdOf(String custId) {
        return db.sql("select household_id from pt_household_member where cust_id = :c")
                .param("c", custId)
                .query(Long.class)
                .optional();
    }

    /** The members, in customer-id order. */
    public List<String> members(long householdId) {
        return db.sql("select cust_id from pt_household_member where household_id = :h order by cust_id")
                .param("h", householdId)
                .query(String.class)
                .list();
    }

    /** Locks the household's row (joining and leaving take it, so the member count is exact). */
    public void lock(long householdId) {
        db.sql("select household_id from pt_household where household_id = :h for update")
                .param("h", householdId)
                .query(Long.class)
                .list();
    }

    /** A new household headed by the customer. */
    public long create(String headCustId, String orgPath, String by) {
        db.sql("""
                insert into pt_household (head_cust_id, org_path, created_by, created_at)
                values (:c, :o, :b, :now)
                """)
                .param("c", headCustId)
                .param("o", orgPath)
                .param("b", by)
                .param("now", OffsetDateTime.now(clock))
                .update();
        return db.sql("select max(household_id) from pt_household where head_cust_id = :c")
                .param("c", headCustId)
                .query(Long.class)
                .single();
    }

    /** Adds a member; false when the customer is in a household already. */
    public boolean add(long householdId, String custId, String by) {
        return db.sql("""
                        insert into pt_household_member (cust_id, household_id, added_by, added_at)
                        values (:c, :h, :b, :now) on conflict do nothing
                        """)
                        .param("c", custId)
                        .param("h", householdId)
                        .param("b", by)
                        .param("now", OffsetDateTime.now(clock))
                        .update()
                == 1;
    }

    public void remove(String custId) {
        db.sql("delete from pt_household_member where cust_id = :c")
                .param("c", custId)
                .update();
    }

    /** Dissolves a household: its members and itself. */
    public void dissolve(long householdId) {
        db.sql("delete from pt_household_member where household_id = :h")
                .param("h", householdId)
                .update();
        db.sql("delete from pt_household where household_id = :h")
                .param("h", householdId)
                .update();
    }
}
