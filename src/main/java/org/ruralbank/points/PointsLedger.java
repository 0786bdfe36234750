package org.ruralbank.points;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The points ledger: every point earned, held, spent, expired or reversed moves on it, in whole points.
 *
 * <p>Guarantees of the implementation (the same contract as the direct connection's {@code CoreBanking}):
 * <ul>
 *   <li>a transfer carries both legs: the sum of all debits equals the sum of all credits, in every account kind
 *       together; a customer's balance is what the bank owes (the liability), the issuance account what it spent;</li>
 *   <li>transfers are append-only; a correction is a new transfer ({@link #reverse}) that names the one it reverses,
 *       and a transfer is reversed at most once (the database's unique {@code reversal_of});</li>
 *   <li>the caller supplies the transfer id: a retry with the same id and the same content succeeds without posting
 *       twice ({@link Outcome#EXISTS}); the same id with other content is refused
 *       ({@link Outcome#EXISTS_WITH_DIFFERENT_CONTENT}), never executed; the id is unique because the database
 *       says so (its primary key), not because the code looked first;</li>
 *   <li>a pending transfer (a hold) reserves points until exactly one later transfer posts, voids or expires it;
 *       posting a hold after its timeout is refused ({@link Outcome#PENDING_EXPIRED});</li>
 *   <li>a customer account never has debits (posted and pending) above its posted credits: under any number of
 *       concurrent callers no balance is negative and no point is spent twice (also a check constraint);</li>
 *   <li>every posted credit to a customer is a lot with an expiry date; posted debits of a customer consume its
 *       lots first-in first-out (earliest expiry first), so the sum of the remaining points of its lots always
 *       equals its posted balance; a reversal of a debit gives the points back to the lots it took them from.</li>
 * </ul>
 *
 * <p>Lock order: each call joins the caller's transaction (or opens one) and locks the rows of the two accounts in
 * account-number order in one statement, before anything else; a customer's lots are touched only under its
 * account's lock, so they need no lock of their own. Callers that lock rows of their own (an order) lock them
 * before calling, so the order is always: the caller's row, then accounts by number, then lots.
 */
public interface PointsLedger {

    /** The bank's accounts. */
    String ISSUANCE = "BANK-ISSUANCE";

    String REDEMPTION = "BANK-REDEMPTION";
    String BREAKAGE = "BANK-BREAKAGE";

    /** The account number of a customer's points. */
    static String customerAccount(String custId) {
        return "C-" + custId;
    }

    /** Opens a customer's points account (no balance); a second call changes nothing. */
    void openCustomer(String custId, String orgPath);

    /** Opens the points accounts of the customers (customer id → org path) that have none, in one go. */
    void openCustomers(Map<String, String> orgPathByCustomer);

    /** Opens a merchant's points account (what it took, until settled); a second call changes nothing. */
    void openMerchant(String accountNo, String orgPath);

    /**
     * Opens a care budget's account: an issuance account of its own with no overdraft, so that what is granted from
     * it never exceeds what funded it; a second call changes nothing.
     */
    void openBudget(String accountNo);

    /**
     * Locks the accounts in account-number order in one statement, for a caller that moves points between several
     * of them in one transaction (a household's pooled spending): the later transfers find them locked already, so
     * the order stays the caller's row, then accounts by number, then lots.
     */
    void lock(java.util.Collection<String> accountNos);

    /** Posts (or holds, for {@link Kind#PENDING}) one transfer; see the guarantees above. */
    Outcome transfer(Transfer transfer);

    /**
     * Posts many transfers as {@link #transfer} would, one after the other in list order, in the caller's
     * transaction (or one of its own): a date's earnings. When every transfer is posted, from one account that is not
     * a customer's, each to an account of its own, the rows of all the accounts are locked in one statement in
     * account-number order, and the transfers, the sums and the lots are written set-wise; otherwise each is posted
     * by {@link #transfer}. Returns each transfer's outcome, in list order.
     */
    List<Outcome> transferAll(List<Transfer> transfers);

    /** Posts, voids or expires a hold by a new transfer with its own id. */
    Outcome resolve(String transferId, String pendingId, Kind resolution, LocalDate businessDate);

    /**
     * Reverses a posted transfer by a new one with the legs swapped, the same points and code {@code REVERSAL}:
     * a refund, a corrected earning. An earning's reversal takes the points from its own lot first.
     */
    Outcome reverse(String transferId, String originalId, LocalDate businessDate, String reference);

    /**
     * Expires what is left of the lots that expire before {@code businessDate}, one transfer per customer with the
     * id {@code X<yyyyMMdd>-<account>} (so a second run of a date posts nothing twice); points held by a pending
     * transfer expire once the hold is released. Returns the points expired by this call.
     */
    long expire(LocalDate businessDate);

    /** Holds whose timeout has passed and that nobody resolved, oldest first. */
    List<String> expiredHolds(Instant now);

    Optional<Balance> balance(String accountNo);

    /** The lots of an account with points left, in the order they are consumed. */
    List<Lot> lots(String accountNo);

    /** The transfers of an account, newest first, at most {@code limit}. */
    List<Transfer> history(String accountNo, int limit);

    Optional<Transfer> find(String transferId);

    /** The sums that must balance: every account's debits and credits, and every customer's lots. */
    Totals totals();

    enum Kind {
        POSTED,
        PENDING,
        POST,
        VOID,
        EXPIRE
    }

    /** The result of a call: {@code OK} and {@code EXISTS} are successes, everything else a refusal. */
    enum Outcome {
        OK,
        EXISTS,
        EXISTS_WITH_DIFFERENT_CONTENT,
        POINTS_MUST_BE_POSITIVE,
        ACCOUNTS_MUST_BE_DIFFERENT,
        DEBIT_ACCOUNT_NOT_FOUND,
        CREDIT_ACCOUNT_NOT_FOUND,
        EXPIRY_REQUIRED,
        EXCEEDS_BALANCE,
        PENDING_NOT_FOUND,
        PENDING_ALREADY_RESOLVED,
        PENDING_EXPIRED,
        ORIGINAL_NOT_FOUND,
        ORIGINAL_NOT_REVERSIBLE,
        ALREADY_REVERSED;

        public boolean succeeded() {
            return this == OK || this == EXISTS;
        }
    }

    /**
     * One transfer. {@code timeout} only for holds; {@code expiresOn} the expiry of the lot a credit to a customer
     * makes (required then, ignored otherwise); {@code code} says why (EARN, SPEND, REDEEM, EXPIRE, GRANT, REVERSAL),
     * {@code reference} what it serves.
     */
    record Transfer(
            String transferId,
            String debitAccount,
            String creditAccount,
            long points,
            Kind kind,
            @Nullable String pendingId,
            @Nullable String reversalOf,
            @Nullable Instant timeout,
            @Nullable LocalDate expiresOn,
            String code,
            @Nullable String reference,
            LocalDate businessDate) {

        public static Transfer posted(
                String id,
                String debit,
                String credit,
                long points,
                @Nullable LocalDate expiresOn,
                String code,
                @Nullable String reference,
                LocalDate businessDate) {
            return new Transfer(
                    id, debit, credit, points, Kind.POSTED, null, null, null, expiresOn, code, reference, businessDate);
        }

        public static Transfer hold(
                String id,
                String debit,
                String credit,
                long points,
                Instant timeout,
                String code,
                @Nullable String reference,
                LocalDate businessDate) {
            return new Transfer(
                    id, debit, credit, points, Kind.PENDING, null, null, timeout, null, code, reference, businessDate);
        }
    }

    /** An account's sums; {@link #available()} is what may still be spent. */
    record Balance(
            String accountNo,
            String kind,
            long debitsPending,
            long debitsPosted,
            long creditsPending,
            long creditsPosted) {

        /** Posted balance of a credit-normal (customer) account. */
        public long balance() {
            return creditsPosted - debitsPosted;
        }

        public long available() {
            return creditsPosted - debitsPosted - debitsPending;
        }
    }

    /** What is left of one lot. */
    record Lot(String lotId, LocalDate expiresOn, long points, long remaining) {}

    /** Ledger-wide sums: debits equal credits, and the customers' lots equal their balances. */
    record Totals(
            long debitsPosted,
            long creditsPosted,
            long debitsPending,
            long creditsPending,
            long customerBalances,
            long lotsRemaining,
            long negativeBalances) {}
}
