package org.ruralbank.crm.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.ruralbank.crm.HouseholdDecisions.Decision;
import org.ruralbank.crm.HouseholdDecisions.Member;
import org.ruralbank.crm.HouseholdDecisions.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The decisions on proposed households in the operational store ({@code crm_household}, {@code
 * crm_household_member}); public because {@code HouseholdDecisions} uses it.
 */
@Repository
public class JdbcHouseholdDecisions {

    private final JdbcClient db;

    JdbcHouseholdDecisions(JdbcClient db) {
        this.db = db;
    }

    /** The decision the customer is a member of, if any. */
    public Optional<Decision> ofMember(String custId) {
        return db.sql("select h.* from crm_household h join crm_household_member m on m.household_id = h.household_id"
                        + " where m.cust_id = :c")
                .param("c", custId)
                .query(this::decision)
                .optional();
    }

    /** The decision on the address, if any. */
    public Optional<Decision> ofAddress(String village, String address) {
        return db.sql("select * from crm_household where village = :v and address = :a")
                .param("v", village)
                .param("a", address)
                .query(this::decision)
                .optional();
    }

    /** Inserts a decision on the address; false when the address has one already (its unique key). */
    public boolean insert(String village, String address, Status status, String orgPath, String by, OffsetDateTime at) {
        return db.sql("insert into crm_household (village, address, status, org_path, decided_by, decided_at)"
                                + " values (:v, :a, :s, :o, :b, :at) on conflict do nothing")
                        .param("v", village)
                        .param("a", address)
                        .param("s", status.name())
                        .param("o", orgPath)
                        .param("b", by)
                        .param("at", at)
                        .update()
                == 1;
    }

    /** Adds a member to a decision; false when the customer is a member of a decision already. */
    public boolean addMember(long householdId, Member member) {
        return db.sql("insert into crm_household_member (cust_id, household_id, cust_name) values (:c, :h, :n)"
                                + " on conflict do nothing")
                        .param("c", member.custId())
                        .param("h", householdId)
                        .param("n", member.custName())
                        .update()
                == 1;
    }

    private Decision decision(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("household_id");
        List<Member> members = db.sql(
                        "select cust_id, cust_name from crm_household_member where household_id = :h order by cust_id")
                .param("h", id)
                .query((r, i) -> new Member(r.getString("cust_id"), r.getString("cust_name")))
                .list();
        return new Decision(
                id,
                Status.valueOf(rs.getString("status")),
                rs.getString("village"),
                rs.getString("address"),
                rs.getString("org_path"),
                rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class),
                members);
    }
}
