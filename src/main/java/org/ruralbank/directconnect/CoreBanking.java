package org.ruralbank.directconnect;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The narrow core-banking interface every posting of the direct connection goes through.
 *
 * <p>Guarantees of any implementation:
 * <ul>
 *   <li>a transfer carries both legs: the sum of all debits equals the sum of all credits;</li>
 *   <li>transfers are append-only; a correction is a new transfer;</li>
 *   <li>the caller supplies the transfer id: a retry with the same id and the same content succeeds without
 *       posting twice ({@link Outcome#EXISTS}); the same id with other content is refused, never executed;</li>
 *   <li>a pending transfer reserves the amount until it is posted, voided or expires, exactly once;</li>
 *   <li>an account flagged no-overdraft never has debits (posted and pending) above its posted credits.</li>
 * </ul>
 *
 * <p>The built-in implementation is the platform's own ledger in the transactional store. It joins the caller's
 * database transaction and locks account rows in account-number order, so callers that lock their limit rows
 * first keep one global lock order. A link to the provincial core would implement the same interface: postings
 * become calls to the core, balances and entries come from it.
 */
public interface CoreBanking {

    /** Posts (or reserves, for {@link Kind#PENDING}) one transfer; see the guarantees above. */
    Outcome transfer(Transfer transfer);

    /** Posts, voids or expires a pending transfer by a new transfer with its own id. */
    Outcome resolve(String transferId, String pendingId, Kind resolution, LocalDate businessDate);

    Optional<Balance> balance(String accountNo);

    /** Entries of an account for business dates {@code from..to} inclusive, in posting order. */
    List<Entry> entries(String accountNo, LocalDate from, LocalDate to);

    /** The entries of one transfer, its debit leg first, as {@link #entries} lists them (none when unknown). */
    List<Entry> entriesOf(String transferId);

    /** Every transfer posted on a business date (for reconciliation). */
    List<Transfer> transfersOn(LocalDate businessDate);

    Optional<Transfer> find(String transferId);

    enum Kind {
        POSTED,
        PENDING,
        POST,
        VOID,
        EXPIRE
    }

    /** The result of a transfer: {@code OK} and {@code EXISTS} are successes, everything else a refusal. */
    enum Outcome {
        OK,
        EXISTS,
        EXISTS_WITH_DIFFERENT_CONTENT,
        AMOUNT_MUST_BE_POSITIVE,
        ACCOUNTS_MUST_BE_DIFFERENT,
        DEBIT_ACCOUNT_NOT_FOUND,
        CREDIT_ACCOUNT_NOT_FOUND,
        EXCEEDS_CREDITS,
        PENDING_NOT_FOUND,
        PENDING_ALREADY_RESOLVED,
        PENDING_EXPIRED;

        public boolean succeeded() {
            return this == OK || this == EXISTS;
        }
    }

    /**
     * One transfer. {@code amountFen} in fen; {@code timeout} only for pending transfers (null: never expires);
     * {@code code} says why (PAYMENT, SWEEP, OPENING, CLEARING...), {@code reference} the instruction it serves.
     */
    record Transfer(
            String transferId,
            String debitAccount,
            String creditAccount,
            long amountFen,
            Kind kind,
            String pendingId,
            Instant timeout,
            String code,
            String reference,
            LocalDate businessDate) {

        public static Transfer posted(
                String id,
                String debit,
                String credit,
                long amountFen,
                String code,
                String reference,
                LocalDate businessDate) {
            return new Transfer(id, debit, credit, amountFen, Kind.POSTED, null, null, code, reference, businessDate);
        }

        public static Transfer pending(
                String id,
                String debit,
                String credit,
                long amountFen,
                Instant timeout,
                String code,
                String reference,
                LocalDate businessDate) {
            return new Transfer(
                    id, debit, credit, amountFen, Kind.PENDING, null, timeout, code, reference, businessDate);
        }
    }

    /** An account's balances in fen; {@link #availableFen()} is what may still be debited. */
    record Balance(
            String accountNo,
            String accountName,
            String currency,
            long debitsPendingFen,
            long debitsPostedFen,
            long creditsPendingFen,
            long creditsPostedFen) {

        /** Posted balance of a credit-normal (customer) account. */
        public long bookedFen() {
            return creditsPostedFen - debitsPostedFen;
        }

        public long availableFen() {
            return creditsPostedFen - debitsPostedFen - debitsPendingFen;
        }
    }

    /** One leg of a transfer as seen from an account: positive for a credit, negative for a debit. */
    record Entry(
            String transferId,
            String accountNo,
            String counterparty,
            long signedAmountFen,
            Kind kind,
            String code,
            String reference,
            LocalDate businessDate,
            Instant bookedAt,
            long sequence) {}
}
