package org.ruralbank.points.internal;

import java.util.List;
import java.util.Optional;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.points.CustomerPoints.Holder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The customers' points accounts as staff list them, through the org scope. */
@Repository
public class JdbcCustomers {

    private final JdbcClient db;

    JdbcCustomers(JdbcClient db) {
        this.db = db;
    }

    public Optional<String> orgPath(String accountNo) {
        return db.sql("select org_path from pt_account where account_no = :a and kind = 'CUSTOMER'")
                .param("a", accountNo)
                .query(String.class)
                .optional();
    }

    /** Points the bank owes the customers in scope (posted balances). */
    public long outstanding(OrgScope scope) {
        OrgScope.Condition c = scope.where("org_path", null);
        return db.sql("select coalesce(sum(credits_posted - debits_posted), 0) from pt_account where kind = 'CUSTOMER' "
                        + "and " + c.sql())
                .params(c.params())
                .query(Long.class)
                .single();
    }

    public List<Holder> holders(OrgScope scope, int limit) {
        OrgScope.Condition c = scope.where("org_path", null);
        return db.sql("select cust_id, org_path, credits_posted - debits_posted, "
                        + "credits_posted - debits_posted - debits_pending from pt_account where kind = 'CUSTOMER' and "
                        + c.sql() + " order by credits_posted - debits_posted desc, cust_id limit :l")
                .params(c.params())
                .param("l", limit)
                .query((rs, i) -> new Holder(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }
}
