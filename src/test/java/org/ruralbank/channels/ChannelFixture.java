package org.ruralbank.channels;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.ruralbank.delivery.ColumnMeta;
import org.ruralbank.delivery.DeliveryTable;
import org.ruralbank.delivery.DeliveryTables;
import org.ruralbank.platform.Org;
import org.ruralbank.warehouse.Warehouse;
import org.ruralbank.warehouse.WarehouseEngine;

/**
 * Hand-made ODS rows for the channel marts: every delivered table created empty with its columns as the loader
 * types them, then only the rows a test names, so each expected figure can be counted by eye.
 */
public final class ChannelFixture {

    private final WarehouseEngine engine;

    public ChannelFixture(WarehouseEngine engine) {
        this.engine = engine;
        engine.execute("create schema if not exists ods");
        for (DeliveryTable t : DeliveryTables.all()) {
            StringJoiner cols = new StringJoiner(", ", "create table if not exists ods." + t.name().toLowerCase() + " (",
                    ", biz_date DATE)");
            for (ColumnMeta c : t.columns()) {
                cols.add(c.name().toLowerCase() + " " + switch (c.type()) {
                    case CHAR, VARCHAR -> "VARCHAR";
                    case INTEGER -> "INTEGER";
                    case BIGINT -> "BIGINT";
                    case DECIMAL -> "DECIMAL(" + Math.min(38, c.length()) + ", " + c.scale() + ")";
                    case DATE -> "DATE";
                    case TIMESTAMP -> "TIMESTAMP";
                });
            }
            engine.execute(cols.toString());
        }
    }

    /**
     * Gives each org of {@code orgs} (id and path as the operational store keeps them) a card, a signed account,
     * an online-banking user, a corporate user above the head office cap, an SMS sign-up, a counter and an ATM deposit transaction, a device and a village terminal with a transaction each and a merchant with a day sale and a night sale (flagged for review) on {@code date},
     * and builds the warehouse for that date: enough for every channel page to show a row per org.
     */
    public static void seed(Warehouse warehouse, LocalDate date, List<String[]> orgs) {
        WarehouseEngine engine = warehouse.engine();
        ChannelFixture f = new ChannelFixture(engine);
        String d = date.toString();
        for (DeliveryTable t : DeliveryTables.all()) {
            engine.execute("delete from ods." + t.name().toLowerCase() + " where biz_date = date '" + d + "'");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String[] org : orgs) {
            String[] ids = org[1].substring(1).split("/");
            for (int i = 0; i < ids.length; i++) {
                if (seen.add(ids[i])) {
                    f.row("core_org", d, "org_id, org_name, org_level, parent_org_id, area_class, open_date, status",
                            ids[i], "机构" + ids[i], String.valueOf(Math.min(3, i + 1)), i == 0 ? null : ids[i - 1], "R",
                            "2000-01-01", "A");
                }
            }
            String id = org[0];
            f.row("core_deposit_acct", d, "acct_no, cust_id, org_id, product_code, currency, open_date, balance, "
                    + "acct_status", "A" + id, "C" + id, id, "CUR", "CNY", "2020-01-01", new java.math.BigDecimal("3500.00"), "N");
            f.row("core_card", d, "card_no, acct_no, cust_id, card_product, medium, issue_org_id, issue_date, "
                    + "card_status", "K" + id, "A" + id, "C" + id, "JN", "I", id, d, "N");
            f.row("eb_user", d, "eb_user_id, cust_id, eb_type, sign_org_id, sign_date, status, acct_no",
                    "P" + id, "C" + id, "PNET", id, d, "A", "A" + id);
            f.row("eb_user", d, "eb_user_id, cust_id, eb_type, sign_org_id, sign_date, status, acct_no",
                    "S" + id, "C" + id, "SMS", id, d, "A", "A" + id);
            f.row("eb_user", d, "eb_user_id, cust_id, eb_type, sign_org_id, sign_date, status, acct_no, single_limit, "
                    + "daily_limit", "E" + id, "C" + id, "CNET", id, d, "A", "A" + id,
                    new java.math.BigDecimal("30000000.00"), new java.math.BigDecimal("50000000.00"));
            for (String channel : List.of("ATM", "CNT")) {
                f.row("core_deposit_txn", d, "txn_seq, txn_date, txn_time, acct_no, dc_flag, amount, balance_after, "
                        + "channel, txn_code, org_id, reversal_flag", "T" + channel + id, d, d + " 09:00:00", "A" + id,
                        "C", new java.math.BigDecimal("100.00"), new java.math.BigDecimal("3500.00"), channel, "1001", id,
                        "0");
            }
            f.row("eb_device", d, "device_id, device_type, org_id, location, offsite, install_date, status",
                    "D" + id, "ATM", id, "网点" + id, "N", "2020-01-01", "A");
            f.row("eb_device_txn", d, "dev_txn_seq, device_id, txn_date, txn_time, txn_kind, card_no, card_issuer, "
                    + "amount, fee_income, status", "DT" + id, "D" + id, d, d + " 10:00:00", "WDL", "K" + id, "OTHER",
                    new java.math.BigDecimal("500.00"), new java.math.BigDecimal("3.00"), "S");
            f.row("eb_device", d, "device_id, device_type, org_id, location, offsite, merchant_id, install_date, status",
                    "V" + id, "BMB", id, "村" + id, "Y", "M" + id, "2021-01-01", "A");
            f.row("eb_device_txn", d, "dev_txn_seq, device_id, txn_date, txn_time, txn_kind, card_no, card_issuer, "
                    + "amount, fee_income, status", "VT" + id, "V" + id, d, d + " 15:00:00", "WDL", "K" + id, "OWN",
                    new java.math.BigDecimal("200.00"), java.math.BigDecimal.ZERO, "S");
            f.row("acq_merchant", d, "merchant_id, merchant_name, mcc, cust_id, settle_acct_no, org_id, sign_date, mdr, "
                    + "status, site_photo, trained", "M" + id, "商户" + id, "5411", "C" + id, "A" + id, id, d,
                    new java.math.BigDecimal("0.0038"), "A", "N", "N");
            f.row("acq_pos_txn", d, "pos_txn_seq, merchant_id, terminal_id, txn_date, txn_time, txn_kind, card_no, "
                    + "card_issuer, card_type, amount, mdr_fee, status", "PT" + id, "M" + id, "T" + id, d,
                    d + " 11:00:00", "SALE", "622848******1234", "OWN", "D", new java.math.BigDecimal("1000.00"),
                    new java.math.BigDecimal("3.80"), "S");
            f.row("acq_pos_txn", d, "pos_txn_seq, merchant_id, terminal_id, txn_date, txn_time, txn_kind, card_no, "
                    + "card_issuer, card_type, amount, mdr_fee, status", "PN" + id, "M" + id, "T" + id, d,
                    d + " 02:00:00", "SALE", "622848******5678", "OWN", "D", new java.math.BigDecimal("80.00"),
                    new java.math.BigDecimal("0.30"), "S");
        }
        engine.inTransaction(() -> warehouse.runner().build(List.of(date), s -> { }));
    }

    /** A CORE_ORG row of {@code org} as the operational store keeps it. */
    ChannelFixture org(String date, Org org) {
        return row("core_org", date, "org_id, org_name, org_level, parent_org_id, town_name, area_class, open_date, "
                + "status", org.orgId(), org.name(), String.valueOf(org.level()), org.parentOrgId(), org.townName(), "R",
                "2000-01-01", "A");
    }

    /** A self-service device or village terminal; {@code merchant} is a village terminal's host shop. */
    ChannelFixture device(String date, String id, String type, Org org, String location, boolean offsite,
            String merchant, String installed) {
        return row("eb_device", date, "device_id, device_type, org_id, location, offsite, merchant_id, install_date, "
                + "status", id, type, org.orgId(), location, offsite ? "Y" : "N", merchant, installed, "A");
    }

    /** A device transaction at 10:00 on {@code date}; {@code issuer} OWN, NXY or OTHER, {@code status} S or F. */
    ChannelFixture deviceTxn(String date, String seq, String device, String kind, String issuer, String amount,
            String fee, String status, String errorCode) {
        return row("eb_device_txn", date, "dev_txn_seq, device_id, txn_date, txn_time, txn_kind, card_no, card_issuer, "
                + "amount, fee_income, status, error_code", seq, device, date, date + " 10:00:00", kind,
                "6228480000" + seq, issuer, new BigDecimal(amount), new BigDecimal(fee), status, errorCode);
    }

    /** A POS merchant with its signed discount rate and its risk checklist. */
    ChannelFixture merchant(String date, String id, String name, Org org, String signed, String mdr, String status,
            boolean sitePhoto, boolean trained) {
        return row("acq_merchant", date, "merchant_id, merchant_name, mcc, cust_id, settle_acct_no, org_id, sign_date, "
                + "mdr, status, site_photo, trained", id, name, "5411", "C" + id, "A" + id, org.orgId(), signed,
                new BigDecimal(mdr), status, sitePhoto ? "Y" : "N", trained ? "Y" : "N");
    }

    /** A POS transaction at 11:00 on {@code date} with an own debit card, each on a card of its own. */
    ChannelFixture pos(String date, String seq, String merchant, String kind, String amount, String fee,
            String status) {
        return row("acq_pos_txn", date, "pos_txn_seq, merchant_id, terminal_id, txn_date, txn_time, txn_kind, card_no, "
                + "card_issuer, card_type, amount, mdr_fee, status", seq, merchant, "T" + merchant, date,
                date + " 11:00:00", kind, "622848******" + seq, "OWN", "D", new BigDecimal(amount),
                new BigDecimal(fee), status);
    }

    /** An e-banking sign-up; {@code single} and {@code daily} are a corporate user's limits (null: none). */
    ChannelFixture user(String date, String id, String type, Org org, String signed, String single, String daily) {
        return row("eb_user", date, "eb_user_id, cust_id, eb_type, sign_org_id, sign_date, status, acct_no, "
                + "single_limit, daily_limit", id, "C" + id, type, org.orgId(), signed, "A", "A" + id,
                single == null ? null : new BigDecimal(single), daily == null ? null : new BigDecimal(daily));
    }

    /** An e-banking transaction at 12:00 on {@code date}; {@code kind} INTR, INTE or NXY. */
    ChannelFixture ebTxn(String date, String seq, String user, String type, String kind, String amount,
            String status) {
        return row("eb_txn", date, "eb_txn_seq, eb_user_id, eb_type, txn_date, txn_time, txn_kind, amount, fee, "
                + "status, payer_acct_no", seq, user, type, date, date + " 12:00:00", kind, new BigDecimal(amount),
                BigDecimal.ZERO, status, "A" + user);
    }

    /** A deposit transaction of 100.00 booked at {@code org} through {@code channel}, a reversal or not. */
    ChannelFixture depositTxn(String date, String seq, Org org, String channel, boolean reversal) {
        return row("core_deposit_txn", date, "txn_seq, txn_date, txn_time, acct_no, dc_flag, amount, balance_after, "
                + "channel, txn_code, org_id, reversal_flag", seq, date, date + " 09:00:00", "A" + seq, "C",
                new BigDecimal("100.00"), new BigDecimal("100.00"), channel, "1001", org.orgId(), reversal ? "1" : "0");
    }

    /** Inserts one row: {@code columns} is a comma list, {@code values} the SQL literals in the same order. */
    public ChannelFixture row(String table, String date, String columns, Object... values) {
        List<String> literals = new ArrayList<>();
        for (Object v : values) {
            literals.add(v == null ? "null" : v instanceof Number ? v.toString() : "'" + v + "'");
        }
        engine.execute("insert into ods." + table + " (" + columns + ", biz_date) values (" + String.join(", ", literals)
                + ", date '" + date + "')");
        return this;
    }
}
