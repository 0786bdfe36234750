package org.ruralbank.channels;

/**
 * An indicator of the target-decomposition table (任务分解表): what a branch is given each quarter. Counts are whole
 * numbers; the balance per card is in yuan with two decimals.
 */
public enum Indicator {
    /** New debit cards issued in the quarter. */
    NEW_CARDS("新增发卡", "张", 0),
    /** Average deposit balance per card at the quarter's end, in yuan. */
    BALANCE_PER_CARD("卡均余额", "元", 2),
    /** New personal and corporate online-banking users in the quarter. */
    ONLINE_BANKING_USERS("新增网银客户", "户", 0),
    /** New POS merchants signed in the quarter. */
    POS_MERCHANTS("新增POS商户", "户", 0),
    /** New SMS-alert sign-ups in the quarter. */
    SMS_SIGNUPS("新增短信签约", "户", 0);

    private final String chineseName;
    private final String unit;
    private final int scale;

    Indicator(String chineseName, String unit, int scale) {
        this.chineseName = chineseName;
        this.unit = unit;
        this.scale = scale;
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
