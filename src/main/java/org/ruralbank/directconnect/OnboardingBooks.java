package org.ruralbank.directconnect;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What changes are checked against and applied to: the direct connection's enterprises, accounts, grants,
 * keys, webhooks and pools (in the operational store; see {@code internal.EnterpriseBooks}). The port through which
 * an {@link OnboardingChange} is checked and applied.
 */
public interface OnboardingBooks {

    /** The org path of an onboarded enterprise. */
    Optional<String> enterprisePath(String enterpriseId);

    /** The account as the bank's source of corporate accounts knows it (name, balance and its date). */
    Optional<CorporateAccountSource.CorporateAccount> corporateAccount(String accountNo);

    /** Whether the account is open in the ledger. */
    boolean accountOpen(String accountNo);

    /** Whether the account is an enterprise's (customer or quota) account, which can be granted. */
    boolean grantable(String accountNo);

    void createEnterprise(
            String enterpriseId,
            String name,
            String type,
            String orgId,
            long perTxnLimitFen,
            long dailyLimitFen,
            long perTxnCeilingFen,
            long dailyCeilingFen);

    /**
     * Opens the account in the ledger for the enterprise, posts its opening balance (when above zero) dated
     * {@code asOf}, or the business date when null, and grants it to the enterprise for everything.
     */
    void openAccount(
            String enterpriseId,
            String accountNo,
            String accountName,
            String accountKind,
            long openingFen,
            @Nullable LocalDate asOf);

    void removeGrant(String enterpriseId, String accountNo);

    void grant(
            String enterpriseId,
            String accountNo,
            boolean view,
            boolean pay,
            boolean sweep,
            @Nullable Long perTxnLimitFen,
            @Nullable Long dailyLimitFen);

    void addKey(
            String enterpriseId,
            String keyId,
            String operatorName,
            RequestSigning.Algorithm algorithm,
            String publicKey);

    void revokeKey(String enterpriseId, String keyId);

    void setLimits(String enterpriseId, long perTxnLimitFen, long dailyLimitFen);

    /** Registers the enterprise's one webhook, replacing any other; returns its new signing secret. */
    String registerWebhook(String enterpriseId, String url);

    /** Creates or replaces the pool with exactly these members. */
    void setPool(
            String enterpriseId,
            String poolId,
            String name,
            String parentAccount,
            List<OnboardingChange.Pool.Member> members);

    void setStatus(String enterpriseId, String status);
}
