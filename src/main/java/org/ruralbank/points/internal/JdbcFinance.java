package org.ruralbank.points.internal;

import java.time.LocalDate;
import java.util.List;
import org.ruralbank.platform.OrgScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The customers' legs of the posted ledger: every posted transfer (kinds POSTED and POST) seen from the customer
 * account it credits or debits, grouped by code and by the kind of the account on the other side.
 */
@Repository
public class JdbcFinance {

    private final JdbcClient db;

    JdbcFinance(JdbcClient db) {
        this.db = db;
    }

    /** One group of legs: {@code credit} true for points into customer accounts. */
    public record Legs(boolean credit, String code, String otherKind, long points) {}

    /** The legs of customers within scope with a business date in {@code from..to}. */
    public List<Legs> legs(LocalDate from, LocalDate to, OrgScope scope) {
        OrgScope.Condition c = scope.where("c.org_path", null);
        String side = """
                select %s as credit, t.code, o.kind as other_kind, sum(t.points) as points
                  from pt_transfer t
                  join pt_account c on c.account_no = t.%s and c.kind = 'CUSTOMER'
                  join pt_account o on o.account_no = t.%s
                 where t.kind in ('POSTED', 'POST') and t.business_date between :f and :t and %s
                 group by t.code, o.kind
                """;
        return db.sql(side.formatted("true", "credit_account", "debit_account", c.sql()) + " union all "
                        + side.formatted("false", "debit_account", "credit_account", c.sql()))
                .params(c.params())
                .param("f", from)
                .param("t", to)
                .query((rs, i) -> new Legs(rs.getBoolean(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    /** The posted balances of the customer accounts within scope, as the accounts hold them. */
    public long accountBalances(OrgScope scope) {
        OrgScope.Condition c = scope.where("org_path", null);
        return db.sql("select coalesce(sum(credits_posted - debits_posted), 0) from pt_account "
                        + "where kind = 'CUSTOMER' and " + c.sql())
                .params(c.params())
                .query(Long.class)
                .single();
    }

    /** A customer's posted balance at the end of a date: its posted credits less its posted debits through it. */
    public long balanceOn(String accountNo, LocalDate date) {
        return db.sql("""
                select coalesce(sum(case when credit_account = :a then points else -points end), 0)
                  from pt_transfer
                 where (credit_account = :a or debit_account = :a) and kind in ('POSTED', 'POST')
                   and business_date <= :d
                """)
                .param("a", accountNo)
                .param("d", date)
                .query(Long.class)
                .single();
    }
}
