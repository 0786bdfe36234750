package org.ruralbank.directconnect.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads enterprises, their grants, keys and webhooks (they change only through approved onboarding changes). */
@Component
public class Directory {

    private final JdbcClient db;

    Directory(JdbcClient db) {
        this.db = db;
    }

    public record Enterprise(String enterpriseId, String name, String kind, String orgId, String orgPath,
            String status, long perTxnLimitFen, long dailyLimitFen, long perTxnCeilingFen, long dailyCeilingFen) {

        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    public record Grant(String enterpriseId, String accountNo, String accountName, String ownerEnterpriseId,
            boolean canView, boolean canPay, boolean canSweep, Long perTxnLimitFen, Long dailyLimitFen) {
    }

    public record PartnerKey(String keyId, String enterpriseId, String operatorName, String algorithm,
            String publicKey, String status) {
    }

    public Optional<Enterprise> enterprise(String enterpriseId) {
        return db.sql("""
                select enterprise_id, name, kind, org_id, org_path, status, per_txn_limit_fen, daily_limit_fen,
                       per_txn_ceiling_fen, daily_ceiling_fen from dc_enterprise where enterprise_id = :id
                """).param("id", enterpriseId).query(Directory::enterprise).optional();
    }

    public Optional<Grant> grant(String enterpriseId, String accountNo) {
        return db.sql(GRANTS + " where g.enterprise_id = :e and g.account_no = :a").param("e", enterpriseId)
                .param("a", accountNo).query(Directory::grant).optional();
    }

    public List<Grant> grants(String enterpriseId) {
        return db.sql(GRANTS + " where g.enterprise_id = :e order by g.account_no").param("e", enterpriseId)
                .query(Directory::grant).list();
    }

    public Optional<PartnerKey> key(String keyId) {
        return db.sql("select key_id, enterprise_id, operator_name, algorithm, public_key, status from dc_key "
                + "where key_id = :k").param("k", keyId).query((rs, i) -> new PartnerKey(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
                .optional();
    }

    /** An active key whose enterprise is active too (the only keys that may sign requests). */
    public Optional<PartnerKey> activeKeyOfActiveEnterprise(String keyId) {
        return db.sql("select k.key_id, k.enterprise_id, k.operator_name, k.algorithm, k.public_key, k.status "
                + "from dc_key k join dc_enterprise e on e.enterprise_id = k.enterprise_id "
                + "where k.key_id = :k and k.status = 'ACTIVE' and e.status = 'ACTIVE'").param("k", keyId)
                .query((rs, i) -> new PartnerKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).optional();
    }

    public List<PartnerKey> keys(String enterpriseId) {
        return db.sql("select key_id, enterprise_id, operator_name, algorithm, public_key, status from dc_key "
                + "where enterprise_id = :e order by key_id").param("e", enterpriseId)
                .query((rs, i) -> new PartnerKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).list();
    }

    /** Whether the account is a customer account of this bank (an intra-bank payment can credit it). */
    public boolean isCustomerAccount(String accountNo) {
        return db.sql("select count(*) from dc_account where account_no = :a and kind = 'CUSTOMER'")
                .param("a", accountNo).query(Long.class).single() > 0;
    }

    public Optional<String> accountKind(String accountNo) {
        return db.sql("select kind from dc_account where account_no = :a").param("a", accountNo)
                .query(String.class).optional();
    }

    private static final String GRANTS = """
            select g.enterprise_id, g.account_no, a.account_name, a.enterprise_id as owner, g.can_view, g.can_pay,
                   g.can_sweep, g.per_txn_limit_fen, g.daily_limit_fen
              from dc_grant g join dc_account a on a.account_no = g.account_no
            """;

    private static Enterprise enterprise(ResultSet rs, int i) throws SQLException {
        return new Enterprise(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10));
    }

    private static Grant grant(ResultSet rs, int i) throws SQLException {
        return new Grant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                rs.getBoolean(6), rs.getBoolean(7), (Long) rs.getObject(8, Long.class),
                (Long) rs.getObject(9, Long.class));
    }
}
