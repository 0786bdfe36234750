package org.ruralbank.channels;

/**
 * An indicator of the target-decomposition table (任务分解表): what a branch is given each quarter. Counts are whole
 * numbers; the balance per card is in yuan with two decimals.
 */
public enum Indicator {
    /** New debit cards issued in the quarter. */
    NEW_CARDS("新增发卡", "张", 0, 100_000),
    /** Average deposit balance per card at the quarter's end, in yuan. */
    BALANCE_PER_CARD("卡均余额", "元", 2, 1_000_000),
    /** New personal and corporate online-banking users in the quarter. */
    ONLINE_BANKING_USERS("新增网银客户", "户", 0, 100_000),
    /** New POS merchants signed in the quarter. */
    POS_MERCHANTS("新增POS商户", "户", 0, 10_000),
    /** New SMS-alert sign-ups in the quarter. */
    SMS_SIGNUPS("新增短信签约", "户", 0, 100_000);

    private final String chineseName;
    private final String unit;
    private final int scale;
    private final long max;

    Indicator(String chineseName, String unit, int scale, long max) {
        this.chineseName = chineseName;
        this.unit = unit;
        this.scale = scale;
        this.max = max;
    }

    /**
     * The largest target a branch may be given for one quarter, in the indicator's unit: a county branch's quarter
     * is counted in hundreds or thousands of cards, users and merchants, and a card's average balance in thousands of
     * yuan, so a figure above this is a slip of the keyboard (a 卡均余额 of 10¹² yuan), refused with its cell.
     */
    public long max() {
        return max;
    }

    /** The column heading used in the workbook (always Chinese: the workbook is the bank's own form). */
    public String chineseName() {
        return chineseName;
    }

    public String unit() {
        return unit;
    }

    /** Digits allowed after the point: 0 for counts, 2 for yuan. */
    public int scale() {
        return scale;
    }
}
