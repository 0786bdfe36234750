package org.ruralbank.samplebank.internal;

/**
 * The year's figures of the seed bank (docs/domain.md section 2) and the few volumes the document does not give. Counts
 * are per year for one bank at scale 1; amounts are in fen.
 */
final class Figures {

    private Figures() {}

    // population at the start of the year
    public static final int PERSONS = 245_000;
    public static final int COMPANIES = 5_000;
    public static final int CARDS_AT_YEAR_END = 195_986;
    public static final int NEW_CARDS = 40_026;
    /**
     * Cards a customer closes in a year (about 1.5% of the cards at the start, besides the magnetic cards cancelled
     * when replaced by chip cards); the start has as many more so that the year still ends at its figure.
     */
    public static final int CARDS_CLOSED = 2_400;

    public static final int CARDS_AT_START = CARDS_AT_YEAR_END - NEW_CARDS + CARDS_CLOSED;
    /** 68,188.09万 over 195,986 cards. */
    public static final long CARD_BALANCE_FEN = 68_188_0900_00L;

    public static final int PENSIONERS = 949_500 / 12;
    public static final int LOANS_AT_START = 10_000;
    public static final int NEW_LOANS = 5_000;
    public static final int CARD_REPLACEMENTS = 60_000;
    public static final int NEW_CUSTOMERS_PER_CARD_PERCENT = 55;

    // self-service devices: 30 at the start, 4 new (1 cash recycler, 3 ATMs)
    public static final int ATM_AT_START = 17;
    public static final int CRS_AT_START = 7;
    public static final int PBK = 3;
    public static final int EXP = 3;
    public static final int BMB_AT_START = 80;
    public static final int NEW_BMB = 40;
    public static final int DEVICE_WDL = 685_500;
    public static final int DEVICE_DEP = 24_600;
    public static final int DEVICE_TRF = 14_600;
    public static final int DEVICE_INQ = 1_200;
    public static final int DEVICE_PAY = 500;
    /** Fee income 85.28万: other-bank withdrawals at 3.00, rural-credit network withdrawals at 2.00, inter-bank transfers at 5.00. */
    public static final int WDL_OTHER = 250_000;

    public static final int WDL_NXY = 40_000;
    public static final int TRF_INTERBANK = 4_560;
    public static final long FEE_WDL_OTHER_FEN = 300;
    public static final long FEE_WDL_NXY_FEN = 200;
    public static final long FEE_TRF_FEN = 500;
    public static final int BMB_TXN = 45_000;

    // acquiring
    public static final int MERCHANTS_AT_START = 346;
    public static final int NEW_MERCHANTS = 394;
    public static final int POS_TXN = 93_222;
    public static final long POS_AMOUNT_FEN = 106_287_5200_00L;
    public static final long POS_FEE_FEN = 38_6600_00L;

    // online banking
    public static final int PNET_USERS_AT_END = 20_314;
    public static final int PNET_NEW = 7_366;
    public static final int CNET_USERS_AT_END = 624;
    public static final int CNET_NEW = 371;
    public static final int SMS_AT_END = 54_942;
    public static final int SMS_NEW = 23_899;
    public static final int MOB_AT_END = 18_000;
    public static final int MOB_NEW = 9_000;
    public static final int PNET_INTR = 51_468;
    public static final long PNET_INTR_FEN = 120_145_9300_00L;
    public static final int PNET_INTE = 143_737;
    public static final long PNET_INTE_FEN = 235_913_6900_00L;
    public static final int PNET_NXY = 1_380;
    public static final long PNET_NXY_FEN = 2_298_9100_00L;
    public static final int CNET_INTE = 30_538;
    public static final long CNET_INTE_FEN = 399_623_2200_00L;
    public static final int CNET_NXY = 5;
    public static final long CNET_NXY_FEN = 83_8300_00L;
    public static final int MOB_TXN = 60_000;
    public static final long MOB_TXN_FEN = 30_000_0000_00L;
    /** Head-office ceiling for corporate online banking: 2,000万 per transaction, 5,000万 per day. */
    public static final long CNET_SINGLE_CAP_FEN = 2_000_0000_00L;

    public static final long CNET_DAILY_CAP_FEN = 5_000_0000_00L;
    /** Branch default: 200万 per transaction, 500万 per day. */
    public static final long CNET_SINGLE_DEFAULT_FEN = 200_0000_00L;

    public static final long CNET_DAILY_DEFAULT_FEN = 500_0000_00L;

    // payouts
    public static final int PENSION_PAYMENTS = 949_500;
    public static final long PENSION_FEN = 5_438_8000_00L;
    public static final int PDEDUCT_BATCHES = 34;
    public static final int PDEDUCT_HOUSEHOLDS = 62_568;
    public static final long PDEDUCT_FEN = 973_2000_00L;
    public static final int SUBSIDY_PAYMENTS = 1_929_800;
    public static final long SUBSIDY_FEN = 60_000_0000_00L;
    public static final int PAYROLL_EMPLOYERS = 40;
}
