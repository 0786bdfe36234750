package org.ruralbank.directconnect.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ruralbank.directconnect.BusinessCalendar;
import org.ruralbank.directconnect.CoreBanking;
import org.ruralbank.directconnect.CorporateAccountSource;
import org.ruralbank.directconnect.OnboardingBooks;
import org.ruralbank.directconnect.OnboardingChange;
import org.ruralbank.directconnect.RequestSigning;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The books onboarding changes apply to, in the operational store: enterprises ({@code dc_enterprise}), their
 * grants, keys, webhook and pools; accounts are opened in the ledger ({@link LedgerCoreBanking}), with the bank's
 * own opening-balance and clearing accounts opened first when missing. Writes run in the caller's transaction.
 */
@Repository
class EnterpriseBooks implements OnboardingBooks {

    private final JdbcClient db;
    private final LedgerCoreBanking ledger;
    private final CorporateAccountSource accounts;
    private final Orgs orgs;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    EnterpriseBooks(
            JdbcClient db,
            LedgerCoreBanking ledger,
            CorporateAccountSource accounts,
            Orgs orgs,
            BusinessCalendar calendar,
            Clock clock) {
        this.db = db;
        this.ledger = ledger;
        this.accounts = accounts;
        this.orgs = orgs;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public Optional<String> enterprisePath(String enterpriseId) {
        return db.sql("select org_path from dc_enterprise where enterprise_id = :e")
                .param("e", enterpriseId)
                .query(String.class)
                .optional();
    }

    @Override
    public Optional<CorporateAccountSource.CorporateAccount> corporateAccount(String accountNo) {
        return accounts.find(accountNo);
    }

    @Override
    public boolean accountOpen(String accountNo) {
        return ledger.balance(accountNo).isPresent();
    }

    @Override
    public boolean grantable(String accountNo) {
        return db.sql("select count(*) from dc_account where account_no = :a and kind in ('CUSTOMER','QUOTA')")
                        .param("a", accountNo)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public void createEnterprise(
            String enterpriseId,
            String name,
            String type,
            String orgId,
            long perTxnLimitFen,
            long dailyLimitFen,
            long perTxnCeilingFen,
            long dailyCeilingFen) {
        db.sql("""
                insert into dc_enterprise (enterprise_id, name, kind, org_id, org_path, status,
                    per_txn_limit_fen, daily_limit_fen, per_txn_ceiling_fen, daily_ceiling_fen, created_at)
                values (:e, :n, :k, :o, :p, 'ACTIVE', :pt, :d, :cpt, :cd, :now)
                """)
                .param("e", enterpriseId)
                .param("n", name)
                .param("k", type)
                .param("o", orgId)
                .param("p", orgs.find(orgId).orElseThrow().path())
                .param("pt", perTxnLimitFen)
                .param("d", dailyLimitFen)
                .param("cpt", perTxnCeilingFen)
                .param("cd", dailyCeilingFen)
                .param("now", OffsetDateTime.now(clock))
                .update();
        openBankAccounts();
    }

    @Override
    public void openAccount(
            String enterpriseId,
            String accountNo,
            String accountName,
            String accountKind,
            long openingFen,
            @Nullable LocalDate asOf) {
        openBankAccounts();
        String orgPath = enterprisePath(enterpriseId).orElseThrow();
        ledger.openAccount(accountNo, accountName, accountKind, enterpriseId, orgPath, true);
        if (openingFen > 0) {
            // booked on the date the balance is as of (the warehouse's latest loaded date), else today
            CoreBanking.Outcome o = ledger.transfer(CoreBanking.Transfer.posted(
                    "OPEN-" + accountNo,
                    Payments.OPENING_ACCOUNT,
                    accountNo,
                    openingFen,
                    "OPENING",
                    "onboarding",
                    asOf != null ? asOf : calendar.today()));
            if (!o.succeeded()) {
                throw new IllegalStateException("opening balance of " + accountNo + ": " + o);
            }
        }
        grant(enterpriseId, accountNo, true, true, true, null, null);
    }

    @Override
    public void removeGrant(String enterpriseId, String accountNo) {
        db.sql("delete from dc_grant where enterprise_id = :e and account_no = :a")
                .param("e", enterpriseId)
                .param("a", accountNo)
                .update();
    }

    @Override
    public void grant(
            String enterpriseId,
            String accountNo,
            boolean view,
            boolean pay,
            boolean sweep,
            @Nullable Long perTxnLimitFen,
            @Nullable Long dailyLimitFen) {
        db.sql("""
                insert into dc_grant (enterprise_id, account_no, can_view, can_pay, can_sweep, per_txn_limit_fen,
                                      daily_limit_fen)
                values (:e, :a, :v, :p, :s, :pt, :d)
                """)
                .param("e", enterpriseId)
                .param("a", accountNo)
                .param("v", view)
                .param("p", pay)
                .param("s", sweep)
                .param("pt", perTxnLimitFen)
                .param("d", dailyLimitFen)
                .update();
    }

    @Override
    public void addKey(
            String enterpriseId,
            String keyId,
            String operatorName,
            RequestSigning.Algorithm algorithm,
            String publicKey) {
        db.sql("insert into dc_key (key_id, enterprise_id, operator_name, algorithm, public_key, status, created_at) "
                        + "values (:k, :e, :o, :a, :pk, 'ACTIVE', :now)")
                .param("k", keyId)
                .param("e", enterpriseId)
                .param("o", operatorName)
                .param("a", algorithm.name())
                .param("pk", publicKey)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    @Override
    public void revokeKey(String enterpriseId, String keyId) {
        db.sql("update dc_key set status = 'REVOKED' where key_id = :k and enterprise_id = :e")
                .param("k", keyId)
                .param("e", enterpriseId)
                .update();
    }

    @Override
    public void setLimits(String enterpriseId, long perTxnLimitFen, long dailyLimitFen) {
        db.sql("update dc_enterprise set per_txn_limit_fen = :pt, daily_limit_fen = :d where enterprise_id = :e")
                .param("pt", perTxnLimitFen)
                .param("d", dailyLimitFen)
                .param("e", enterpriseId)
                .update();
    }

    @Override
    public String registerWebhook(String enterpriseId, String url) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String secret = HexFormat.of().formatHex(bytes);
        db.sql("delete from dc_webhook where enterprise_id = :e")
                .param("e", enterpriseId)
                .update();
        db.sql("insert into dc_webhook (enterprise_id, url, secret) values (:e, :u, :s)")
                .param("e", enterpriseId)
                .param("u", url)
                .param("s", secret)
                .update();
        return secret;
    }

    @Override
    public void setPool(
            String enterpriseId,
            String poolId,
            String name,
            String parentAccount,
            List<OnboardingChange.Pool.Member> members) {
        db.sql("delete from dc_pool_member where pool_id = :p")
                .param("p", poolId)
                .update();
        if (db.sql("select count(*) from dc_pool where pool_id = :p")
                        .param("p", poolId)
                        .query(Long.class)
                        .single()
                == 0) {
            db.sql("insert into dc_pool (pool_id, enterprise_id, name, parent_account) values (:p, :e, :n, :a)")
                    .param("p", poolId)
                    .param("e", enterpriseId)
                    .param("n", name)
                    .param("a", parentAccount)
                    .update();
        } else {
            db.sql("update dc_pool set parent_account = :a, name = :n where pool_id = :p and enterprise_id = :e")
                    .param("a", parentAccount)
                    .param("n", name)
                    .param("p", poolId)
                    .param("e", enterpriseId)
                    .update();
        }
        for (OnboardingChange.Pool.Member m : members) {
            db.sql("insert into dc_pool_member (pool_id, account_no, rule, amount_fen) values (:p, :a, :r, :m)")
                    .param("p", poolId)
                    .param("a", m.accountNo())
                    .param("r", m.rule())
                    .param("m", m.amount().fen())
                    .update();
        }
    }

    @Override
    public void setStatus(String enterpriseId, String status) {
        db.sql("update dc_enterprise set status = :s where enterprise_id = :e")
                .param("s", status)
                .param("e", enterpriseId)
                .update();
    }

    /** The bank's own ledger accounts: opening balances (equity side) and the clearing hand-off. */
    private void openBankAccounts() {
        String hq = orgs.list(OrgScope.everything()).stream()
                .filter(o -> o.level() == Org.HEAD_OFFICE)
                .findFirst()
                .map(Org::path)
                .orElse("/");
        ledger.openAccount(Payments.OPENING_ACCOUNT, "期初余额 opening balances", "OPENING", null, hq, false);
        ledger.openAccount(Payments.CLEARING_ACCOUNT, "跨行清算 clearing hand-off", "CLEARING", null, hq, false);
    }
}
