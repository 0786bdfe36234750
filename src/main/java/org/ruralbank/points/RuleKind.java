package org.ruralbank.points;

/**
 * What an earning rule counts, and how: an amount rule earns its points per {@code unit} fen of the basis, a count
 * rule per {@code unit} events; a monthly rule is evaluated once, on the last day of each month.
 */
public enum RuleKind {
    /** Daily-average deposits of the month (e.g. 10 points per 10,000 yuan). */
    DEPOSIT_AVG(true, true),
    /** Spending with the bank's cards at POS terminals. */
    POS_SPEND(true, false),
    /** Payroll received into the customer's account. */
    PAYROLL(true, false),
    /** Loan repayments made on time (no penalty, no days past due). */
    LOAN_REPAY(false, false),
    /** E-banking and SMS sign-ups (each kind signed up for counts once). */
    EBANK_SIGN(false, false),
    /** E-banking activity: successful transactions made through online or mobile banking. */
    EBANK_ACTIVE(false, false);

    private final boolean amount;
    private final boolean monthly;

    RuleKind(boolean amount, boolean monthly) {
        this.amount = amount;
        this.monthly = monthly;
    }

    /** Whether the basis and the unit are amounts in fen (else counts). */
    public boolean amount() {
        return amount;
    }

    public boolean monthly() {
        return monthly;
    }
}
