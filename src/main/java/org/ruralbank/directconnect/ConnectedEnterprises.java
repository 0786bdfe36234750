package org.ruralbank.directconnect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.OrgScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The read side other contexts ask: which enterprises onboarded for direct connection (银企直连) hold some of a
 * customer's accounts, with their status, limits and the accounts enabled for them. CRM shows it on the customer's
 * page; nothing here changes anything.
 *
 * <p>Guarantees: only enterprises whose org lies within the caller's scope are answered; an account is an enterprise's
 * when it is opened in the ledger as the enterprise's own customer account.
 */
@Service
public class ConnectedEnterprises {

    /**
     * An onboarded enterprise.
     *
     * @param status         ACTIVE or SUSPENDED
     * @param perTxnLimitFen the enterprise's limit per payment (fen)
     * @param dailyLimitFen  its daily limit (fen)
     * @param accounts       the accounts enabled for it (its own and those granted to it), in account order
     */
    public record Enterprise(
            String enterpriseId,
            String name,
            String status,
            long perTxnLimitFen,
            long dailyLimitFen,
            List<Account> accounts) {}

    /**
     * An account enabled for an enterprise and what it may do with it; the account's own limits (fen) when set.
     */
    public record Account(
            String accountNo,
            boolean canView,
            boolean canPay,
            boolean canSweep,
            @Nullable Long perTxnLimitFen,
            @Nullable Long dailyLimitFen) {}

    private final JdbcClient db;

    ConnectedEnterprises(JdbcClient db) {
        this.db = db;
    }

    /** The enterprises within {@code scope} whose own accounts include one of {@code accountNos}. */
    public List<Enterprise> holding(Collection<String> accountNos, OrgScope scope) {
        if (accountNos.isEmpty()) {
            return List.of();
        }
        OrgScope.Condition c = scope.where("e.org_path", null);
        List<Enterprise> heads = db.sql("select distinct e.enterprise_id, e.name, e.status, e.per_txn_limit_fen,"
                        + " e.daily_limit_fen from dc_enterprise e join dc_account a on a.enterprise_id = e.enterprise_id"
                        + " where a.kind = 'CUSTOMER' and a.account_no in (:accounts) and " + c.sql()
                        + " order by e.enterprise_id")
                .param("accounts", List.copyOf(accountNos))
                .params(c.params())
                .query((rs, n) -> new Enterprise(
                        rs.getString("enterprise_id"),
                        rs.getString("name"),
                        rs.getString("status"),
                        rs.getLong("per_txn_limit_fen"),
                        rs.getLong("daily_limit_fen"),
                        List.of()))
                .list();
        List<Enterprise> out = new ArrayList<>();
        for (Enterprise e : heads) {
            List<Account> accounts = db.sql("select account_no, can_view, can_pay, can_sweep, per_txn_limit_fen,"
                            + " daily_limit_fen from dc_grant where enterprise_id = :e order by account_no")
                    .param("e", e.enterpriseId())
                    .query((rs, n) -> new Account(
                            rs.getString("account_no"),
                            rs.getBoolean("can_view"),
                            rs.getBoolean("can_pay"),
                            rs.getBoolean("can_sweep"),
                            (Long) rs.getObject("per_txn_limit_fen", Long.class),
                            (Long) rs.getObject("daily_limit_fen", Long.class)))
                    .list();
            out.add(new Enterprise(
                    e.enterpriseId(), e.name(), e.status(), e.perTxnLimitFen(), e.dailyLimitFen(), accounts));
        }
        return List.copyOf(out);
    }
}
