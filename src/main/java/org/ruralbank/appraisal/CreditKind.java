package org.ruralbank.appraisal;

/** What staff hold credit for (业绩归属的对象). */
public enum CreditKind {
    /** A customer: credit for all its accounts and loans that have no credit of their own. */
    CUSTOMER,
    /** A deposit account. */
    DEPOSIT,
    /** A loan (借据). */
    LOAN,
    /** A debit card. */
    CARD,
    /** An e-banking sign-up (online, mobile, SMS). */
    EB_USER,
    /** A POS merchant. */
    MERCHANT
}
