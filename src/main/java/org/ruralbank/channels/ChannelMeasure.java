package org.ruralbank.channels;

/**
 * A figure of the channel pages that is compared and ranked org by org ({@link OrgComparisons}), read from
 * {@code mart.ebank_org_daily} (the substitution rate from {@code mart.channel_org_daily}): a stock (taken on a
 * period's last data date) or a flow (summed over the period), a count, money in yuan, or a percentage (which changes
 * in percentage points).
 */
public enum ChannelMeasure {
    CARDS(true, false),
    NEW_CARDS(false, false),
    CARD_BALANCE(true, true),
    SMS_USERS(true, false),
    DEVICES(true, false),
    DEVICE_TXN(false, false),
    DEVICE_FEE(false, true),
    VILLAGE_TERMINALS(true, false),
    VILLAGE_TXN(false, false),
    MERCHANTS(true, false),
    POS_TXN(false, false),
    POS_AMOUNT(false, true),
    POS_FEE(false, true),
    PNET_USERS(true, false),
    CNET_USERS(true, false),
    MOB_USERS(true, false),
    SUBSTITUTION_RATE(false, false);

    private final boolean stock;
    private final boolean money;

    ChannelMeasure(boolean stock, boolean money) {
        this.stock = stock;
        this.money = money;
    }

    /** Taken on the period's last data date (a stock), or summed over the period (a flow). */
    public boolean stock() {
        return stock;
    }

    /** A percentage, compared in percentage points. */
    public boolean percent() {
        return this == SUBSTITUTION_RATE;
    }

    /** In yuan (shown in 元 or 万元 as the user chose), or a count. */
    public boolean money() {
        return money;
    }
}
