package org.ruralbank.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ruralbank.shared.Masking;
import org.ruralbank.shared.Ratios;

/**
 * A customer whole on a business date, as the CRM page shows them: identity, accounts, loans, cards, e-banking, the
 * merchants they run, relationships, payouts, the staff credited, a timeline, their value and warnings. Read from the
 * warehouse by {@link Customers#view}; identifiers are masked unless {@link #unmasked()}.
 *
 * @param date     the business date the figures stand on
 * @param fromDate the first day of the period of the daily averages, activity, payouts and contribution
 */
public record Customer360(
        LocalDate date,
        LocalDate fromDate,
        boolean unmasked,
        Identity identity,
        List<Account> accounts,
        List<Loan> loans,
        List<Card> cards,
        List<EbankSignUp> ebank,
        List<Merchant> merchants,
        List<Relation> relations,
        List<HouseholdMember> household,
        List<Payout> payouts,
        List<Manager> managers,
        List<Event> timeline,
        CustomerValue value,
        List<Warning> warnings) {

    /** The days of the period [fromDate, date]. */
    public long periodDays() {
        return date.toEpochDay() - fromDate.toEpochDay() + 1;
    }

    /** An account's daily average balance over the period, rounded once to the fen. */
    public @Nullable BigDecimal dailyAverage(Account a) {
        return Ratios.average(a.balanceDays(), periodDays(), 2);
    }

    /** The customer's identity; {@code idNo} and {@code mobile} masked unless the view is unmasked. */
    public record Identity(
            String custId,
            String custType,
            String custName,
            @Nullable String idType,
            @Nullable String idNo,
            @Nullable String gender,
            @Nullable LocalDate birthDate,
            @Nullable String mobile,
            @Nullable String address,
            @Nullable String townName,
            @Nullable String villageName,
            @Nullable String occupation,
            @Nullable String legalRepCustId,
            String orgId,
            String orgName,
            String orgPath,
            @Nullable LocalDate openDate) {

        Identity masked() {
            return new Identity(
                    custId,
                    custType,
                    custName,
                    idType,
                    Masking.idNo(idNo),
                    gender,
                    birthDate,
                    Masking.mobile(mobile),
                    address,
                    townName,
                    villageName,
                    occupation,
                    legalRepCustId,
                    orgId,
                    orgName,
                    orgPath,
                    openDate);
        }
    }

    public record Account(
            String acctNo,
            String productCode,
            String orgId,
            @Nullable LocalDate openDate,
            @Nullable LocalDate maturityDate,
            String acctStatus,
            BigDecimal balance,
            BigDecimal balanceDays,
            BigDecimal balanceBefore) {}

    public record Loan(
            String loanNo,
            String contractNo,
            @Nullable String productCode,
            @Nullable String guaranteeType,
            String orgId,
            LocalDate disburseDate,
            LocalDate maturityDate,
            BigDecimal loanAmt,
            BigDecimal balance,
            BigDecimal overduePrincipal,
            BigDecimal overdueInterest,
            int dpd,
            String class5,
            String status,
            @Nullable LocalDate firstOverdue) {}

    /** A card; its numbers masked unless the view is unmasked. */
    public record Card(
            String cardNo,
            String acctNo,
            String cardProduct,
            String medium,
            String issueOrgId,
            LocalDate issueDate,
            String cardStatus,
            @Nullable LocalDate activateDate,
            @Nullable String replacedCardNo) {

        Card masked() {
            return new Card(
                    Masking.cardNo(cardNo),
                    acctNo,
                    cardProduct,
                    medium,
                    issueOrgId,
                    issueDate,
                    cardStatus,
                    activateDate,
                    Masking.cardNo(replacedCardNo));
        }
    }

    public record EbankSignUp(
            String ebUserId,
            String ebType,
            String signOrgId,
            LocalDate signDate,
            String status,
            @Nullable String acctNo,
            long eTxns) {}

    public record Merchant(
            String merchantId,
            String merchantName,
            String status,
            @Nullable LocalDate signDate,
            @Nullable BigDecimal mdr,
            long txnCount,
            BigDecimal saleAmount,
            BigDecimal mdrFee) {}

    /** A relationship seen from this customer: {@code outgoing} when the customer is its start. */
    public record Relation(
            String kind,
            boolean outgoing,
            String otherCustId,
            @Nullable String otherName,
            @Nullable String refId,
            @Nullable BigDecimal amount) {}

    public record HouseholdMember(
            String custId,
            String custName,
            @Nullable String gender,
            @Nullable LocalDate birthDate) {}

    public record Payout(
            LocalDate bizDate, String bizType, @Nullable String payerName, String acctNo, BigDecimal amount) {}

    public record Manager(
            String staffId, @Nullable String staffName, String objectKind, long objects, BigDecimal shareSum) {}

    public record Movement(LocalDate bizDate, String acctNo, String dcFlag, BigDecimal amount, String channel) {}

    /**
     * One event of the timeline.
     *
     * @param kind    ACCOUNT_OPENED, CARD_ISSUED, CARD_REPLACED, LOAN_DISBURSED, FIRST_OVERDUE, LARGE_CREDIT or
     *                LARGE_DEBIT, CUSTOMER_OPENED, EBANK_SIGNED
     * @param subject the account, card, loan or sign-up
     */
    public record Event(
            LocalDate date,
            String kind,
            String subject,
            @Nullable BigDecimal amount) {}

    /**
     * A warning for the customer manager.
     *
     * @param kind    FALLING_BALANCE, DORMANT_ACCOUNT, SLEEPING_CARD, LOAN_NEAR_MATURITY or LOAN_OVERDUE
     * @param subject the account, card or loan (the customer for a falling balance)
     */
    public record Warning(String kind, String subject) {}
}
