package org.ruralbank.channels;

import static org.ruralbank.channels.WarehouseValues.date;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.warehouse.QueryResult;
import org.ruralbank.warehouse.WarehouseEngine;

/**
 * The e-banking department's annual figures (the report the department writes every December), computed from the
 * warehouse's {@code mart.ebank_org_daily}: stocks as of the year's last built date, "new in the year" as counted on
 * that date, flows summed over the year's built dates. Keys and definitions are documented in
 * {@code docs/annual-report.md}; amounts are in 万元 and percentages in per cent, both with two decimals rounded
 * half-up once, from exact decimal sums.
 *
 * @param from the first built date of the year within the report, or null when the warehouse has none
 * @param to the last built date of the year (the date of the stocks), or null
 * @param figures stable key to value: {@link Long} for counts, {@link BigDecimal} for amounts and rates, null where
 *     a figure has no meaning (a completion rate without a plan)
 * @param branches per-org figures of the year, in org-path order
 */
public record AnnualReport(int year, boolean wholeBank, LocalDate from, LocalDate to, Map<String, Object> figures,
        List<OrgFigures> branches) {

    /** How amounts are rounded, once, from exact sums. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** What the village shopkeeper earns per successful terminal transaction, in yuan. */
    public static final BigDecimal COMMISSION_PER_TXN = new BigDecimal("0.50");

    /** The keys of {@link #figures}, in report order. */
    public static final List<String> KEYS = List.of(
            "cards.total", "cards.new", "cards.plan", "cards.plan_completion_pct", "cards.chip", "cards.balance_wan",
            "cards.balance_per_card",
            "devices.total", "devices.new", "devices.txn.total", "devices.txn.withdrawal", "devices.txn.deposit",
            "devices.txn.transfer", "devices.txn.failed", "devices.fee_income_wan",
            "village.terminals", "village.txn.count", "village.txn.success", "village.commission_yuan",
            "pos.merchants_start", "pos.merchants_new", "pos.merchants_end", "pos.txn.count", "pos.amount_wan",
            "pos.fee_income_wan",
            "pnet.users", "pnet.users_new", "pnet.transfers.count", "pnet.transfers.amount_wan", "pnet.intra.count",
            "pnet.intra.amount_wan", "pnet.inter.count", "pnet.inter.amount_wan", "pnet.nxy.count",
            "pnet.nxy.amount_wan",
            "cnet.users", "cnet.users_new", "cnet.transfers.count", "cnet.transfers.amount_wan", "cnet.intra.count",
            "cnet.intra.amount_wan", "cnet.inter.count", "cnet.inter.amount_wan", "cnet.nxy.count",
            "cnet.nxy.amount_wan",
            "mob.users", "mob.users_new", "mob.transfers.count", "mob.transfers.amount_wan",
            "sms.subscriptions", "sms.new", "sms.share_of_cards_pct",
            "payouts.pension.count", "payouts.pension.amount_wan", "payouts.deduction.batches",
            "payouts.deduction.households", "payouts.deduction.amount_wan", "payouts.subsidy.count",
            "payouts.subsidy.amount_wan");

    /** The figures of one org for the year (stocks at {@link #to}, flows over the year). */
    public record OrgFigures(String orgId, String orgName, long cards, long newCards, BigDecimal cardBalanceWan,
            long pnetUsers, long smsUsers, long merchants, long posTxn, BigDecimal posAmountWan, long deviceTxn,
            BigDecimal deviceFeeWan) {
    }

    public Long count(String key) {
        return (Long) figures.get(key);
    }

    public BigDecimal decimal(String key) {
        return (BigDecimal) figures.get(key);
    }

    /** Whether the warehouse holds any built date of the year. */
    public boolean hasData() {
        return to != null;
    }

    /**
     * Computes the report of {@code year} for the orgs within {@code scope}.
     *
     * @param newCardsPlan the year's NEW_CARDS targets of the branches within the scope, or null when none are set
     */
    public static AnnualReport compute(WarehouseEngine engine, int year, OrgScope scope, BigDecimal newCardsPlan) {
        boolean whole = scope.kind() == DataScope.ALL;
        if (engine.columns("mart", "ebank_org_daily").isEmpty()) {
            return new AnnualReport(year, whole, null, null, Collections.unmodifiableMap(empty(newCardsPlan)),
                    List.of());
        }
        OrgScope.Condition c = scope.where("m.org_path", null);
        Map<String, Object> p = new LinkedHashMap<>(c.params());
        p.put("y0", LocalDate.of(year, 1, 1));
        p.put("y1", LocalDate.of(year, 12, 31));
        QueryResult span = engine.query("select min(biz_date) as f, max(biz_date) as t from mart.ebank_org_daily "
                + "where biz_date between :y0 and :y1", p, 1);
        if (span.rows().isEmpty() || span.get(0, "t") == null) {
            return new AnnualReport(year, whole, null, null, Collections.unmodifiableMap(empty(newCardsPlan)),
                    List.of());
        }
        LocalDate from = date(span.get(0, "f"));
        LocalDate to = date(span.get(0, "t"));
        p.put("f", from);
        p.put("t", to);
        String stocks = """
                select cast(sum(cards) as bigint) cards, cast(sum(new_cards_ytd) as bigint) new_cards,
                       cast(sum(chip_cards) as bigint) chip, cast(sum(card_balance) as decimal(18, 2)) card_balance,
                       cast(sum(devices) as bigint) devices, cast(sum(new_devices_ytd) as bigint) new_devices,
                       cast(sum(bmb_terminals) as bigint) bmb, cast(sum(merchants) as bigint) merchants,
                       cast(sum(merchants_before_year) as bigint) merchants_old,
                       cast(sum(pnet_users) as bigint) pnet_users, cast(sum(pnet_new_ytd) as bigint) pnet_new,
                       cast(sum(cnet_users) as bigint) cnet_users, cast(sum(cnet_new_ytd) as bigint) cnet_new,
                       cast(sum(mob_users) as bigint) mob_users, cast(sum(mob_new_ytd) as bigint) mob_new,
                       cast(sum(sms_users) as bigint) sms_users, cast(sum(sms_new_ytd) as bigint) sms_new
                  from mart.ebank_org_daily m where m.biz_date = :t and """ + c.sql();
        String start = "select cast(sum(merchants_before_year) as bigint) merchants_start from mart.ebank_org_daily m "
                + "where m.biz_date = :f and " + c.sql();
        String flows = """
                select cast(sum(device_txn) as bigint) device_txn, cast(sum(device_wdl) as bigint) device_wdl,
                       cast(sum(device_dep) as bigint) device_dep, cast(sum(device_trf) as bigint) device_trf,
                       cast(sum(device_failures) as bigint) device_failures,
                       cast(sum(device_fee) as decimal(18, 2)) device_fee,
                       cast(sum(bmb_txn) as bigint) bmb_txn, cast(sum(bmb_success) as bigint) bmb_success,
                       cast(sum(pos_txn) as bigint) pos_txn, cast(sum(pos_amount) as decimal(18, 2)) pos_amount,
                       cast(sum(pos_fee) as decimal(18, 2)) pos_fee,
                       cast(sum(pnet_intr_count) as bigint) pnet_intr_count,
                       cast(sum(pnet_intr_amount) as decimal(18, 2)) pnet_intr_amount,
                       cast(sum(pnet_inte_count) as bigint) pnet_inte_count,
                       cast(sum(pnet_inte_amount) as decimal(18, 2)) pnet_inte_amount,
                       cast(sum(pnet_nxy_count) as bigint) pnet_nxy_count,
                       cast(sum(pnet_nxy_amount) as decimal(18, 2)) pnet_nxy_amount,
                       cast(sum(cnet_intr_count) as bigint) cnet_intr_count,
                       cast(sum(cnet_intr_amount) as decimal(18, 2)) cnet_intr_amount,
                       cast(sum(cnet_inte_count) as bigint) cnet_inte_count,
                       cast(sum(cnet_inte_amount) as decimal(18, 2)) cnet_inte_amount,
                       cast(sum(cnet_nxy_count) as bigint) cnet_nxy_count,
                       cast(sum(cnet_nxy_amount) as decimal(18, 2)) cnet_nxy_amount,
                       cast(sum(mob_count) as bigint) mob_count, cast(sum(mob_amount) as decimal(18, 2)) mob_amount,
                       cast(sum(pension_count) as bigint) pension_count,
                       cast(sum(pension_amount) as decimal(18, 2)) pension_amount,
                       cast(sum(deduction_batches) as bigint) deduction_batches,
                       cast(sum(deduction_count) as bigint) deduction_count,
                       cast(sum(deduction_amount) as decimal(18, 2)) deduction_amount,
                       cast(sum(subsidy_count) as bigint) subsidy_count,
                       cast(sum(subsidy_amount) as decimal(18, 2)) subsidy_amount
                  from mart.ebank_org_daily m where m.biz_date between :f and :t and """ + c.sql();
        Row s = new Row(engine.query(stocks, p, 1));
        Row s0 = new Row(engine.query(start, p, 1));
        Row fl = new Row(engine.query(flows, p, 1));

        Map<String, Object> f = new LinkedHashMap<>();
        long cards = s.count("cards");
        long newCards = s.count("new_cards");
        BigDecimal balance = s.amount("card_balance");
        f.put("cards.total", cards);
        f.put("cards.new", newCards);
        f.put("cards.plan", newCardsPlan == null || newCardsPlan.signum() == 0 ? null : newCardsPlan);
        f.put("cards.plan_completion_pct", pct(BigDecimal.valueOf(newCards), newCardsPlan));
        f.put("cards.chip", s.count("chip"));
        f.put("cards.balance_wan", wan(balance));
        f.put("cards.balance_per_card", cards == 0 ? null
                : balance.divide(BigDecimal.valueOf(cards), 2, ROUNDING));
        f.put("devices.total", s.count("devices"));
        f.put("devices.new", s.count("new_devices"));
        f.put("devices.txn.total", fl.count("device_txn"));
        f.put("devices.txn.withdrawal", fl.count("device_wdl"));
        f.put("devices.txn.deposit", fl.count("device_dep"));
        f.put("devices.txn.transfer", fl.count("device_trf"));
        f.put("devices.txn.failed", fl.count("device_failures"));
        f.put("devices.fee_income_wan", wan(fl.amount("device_fee")));
        f.put("village.terminals", s.count("bmb"));
        f.put("village.txn.count", fl.count("bmb_txn"));
        f.put("village.txn.success", fl.count("bmb_success"));
        f.put("village.commission_yuan", COMMISSION_PER_TXN
                .multiply(BigDecimal.valueOf(fl.count("bmb_success"))).setScale(2, ROUNDING));
        long merchantsStart = s0.count("merchants_start");
        f.put("pos.merchants_start", merchantsStart);
        f.put("pos.merchants_new", s.count("merchants") - s.count("merchants_old"));
        f.put("pos.merchants_end", s.count("merchants"));
        f.put("pos.txn.count", fl.count("pos_txn"));
        f.put("pos.amount_wan", wan(fl.amount("pos_amount")));
        f.put("pos.fee_income_wan", wan(fl.amount("pos_fee")));
        for (String type : List.of("pnet", "cnet")) {
            f.put(type + ".users", s.count(type + "_users"));
            f.put(type + ".users_new", s.count(type + "_new"));
            long count = 0;
            BigDecimal amount = BigDecimal.ZERO;
            for (String kind : List.of("intr", "inte", "nxy")) {
                count += fl.count(type + "_" + kind + "_count");
                amount = amount.add(fl.amount(type + "_" + kind + "_amount"));
            }
            f.put(type + ".transfers.count", count);
            f.put(type + ".transfers.amount_wan", wan(amount));
            f.put(type + ".intra.count", fl.count(type + "_intr_count"));
            f.put(type + ".intra.amount_wan", wan(fl.amount(type + "_intr_amount")));
            f.put(type + ".inter.count", fl.count(type + "_inte_count"));
            f.put(type + ".inter.amount_wan", wan(fl.amount(type + "_inte_amount")));
            f.put(type + ".nxy.count", fl.count(type + "_nxy_count"));
            f.put(type + ".nxy.amount_wan", wan(fl.amount(type + "_nxy_amount")));
        }
        f.put("mob.users", s.count("mob_users"));
        f.put("mob.users_new", s.count("mob_new"));
        f.put("mob.transfers.count", fl.count("mob_count"));
        f.put("mob.transfers.amount_wan", wan(fl.amount("mob_amount")));
        long sms = s.count("sms_users");
        f.put("sms.subscriptions", sms);
        f.put("sms.new", s.count("sms_new"));
        f.put("sms.share_of_cards_pct", pct(BigDecimal.valueOf(sms), BigDecimal.valueOf(cards)));
        f.put("payouts.pension.count", fl.count("pension_count"));
        f.put("payouts.pension.amount_wan", wan(fl.amount("pension_amount")));
        f.put("payouts.deduction.batches", fl.count("deduction_batches"));
        f.put("payouts.deduction.households", fl.count("deduction_count"));
        f.put("payouts.deduction.amount_wan", wan(fl.amount("deduction_amount")));
        f.put("payouts.subsidy.count", fl.count("subsidy_count"));
        f.put("payouts.subsidy.amount_wan", wan(fl.amount("subsidy_amount")));
        return new AnnualReport(year, whole, from, to, Collections.unmodifiableMap(ordered(f)),
                branches(engine, c, p));
    }

    private static List<OrgFigures> branches(WarehouseEngine engine, OrgScope.Condition c, Map<String, Object> p) {
        String sql = """
                with names as (
                    select org_id, org_name from dw.dim_org where valid_from <= :t and valid_to >= :t
                ),
                figures as (
                    select m.org_id, min(m.org_path) as org_path,
                           cast(sum(case when m.biz_date = :t then m.cards else 0 end) as bigint) as cards,
                           cast(sum(case when m.biz_date = :t then m.new_cards_ytd else 0 end) as bigint) as new_cards,
                           cast(sum(case when m.biz_date = :t then m.card_balance else 0 end) as decimal(18, 2)) as card_balance,
                           cast(sum(case when m.biz_date = :t then m.pnet_users else 0 end) as bigint) as pnet_users,
                           cast(sum(case when m.biz_date = :t then m.sms_users else 0 end) as bigint) as sms_users,
                           cast(sum(case when m.biz_date = :t then m.merchants else 0 end) as bigint) as merchants,
                           cast(sum(m.pos_txn) as bigint) as pos_txn,
                           cast(sum(m.pos_amount) as decimal(18, 2)) as pos_amount,
                           cast(sum(m.device_txn) as bigint) as device_txn,
                           cast(sum(m.device_fee) as decimal(18, 2)) as device_fee
                      from mart.ebank_org_daily m
                     where m.biz_date between :f and :t and """ + c.sql() + """

                     group by m.org_id
                )
                select f.*, n.org_name from figures f left join names n on n.org_id = f.org_id
                 order by f.org_path, f.org_id""";
        QueryResult r = engine.query(sql, p, 10_000);
        List<OrgFigures> rows = new ArrayList<>();
        for (int i = 0; i < r.rows().size(); i++) {
            Row row = new Row(r, i);
            rows.add(new OrgFigures((String) r.get(i, "org_id"), (String) r.get(i, "org_name"), row.count("cards"),
                    row.count("new_cards"), wan(row.amount("card_balance")), row.count("pnet_users"),
                    row.count("sms_users"), row.count("merchants"), row.count("pos_txn"),
                    wan(row.amount("pos_amount")), row.count("device_txn"), wan(row.amount("device_fee"))));
        }
        return List.copyOf(rows);
    }

    private static Map<String, Object> empty(BigDecimal plan) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (String k : KEYS) {
            f.put(k, null);
        }
        f.put("cards.plan", plan);
        return f;
    }

    private static Map<String, Object> ordered(Map<String, Object> f) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : KEYS) {
            if (!f.containsKey(k)) {
                throw new IllegalStateException("the report lacks " + k);
            }
            out.put(k, f.get(k));
        }
        return out;
    }

    /** Yuan to 万元, two decimals. */
    static BigDecimal wan(BigDecimal yuan) {
        return yuan.divide(WAN, 2, ROUNDING);
    }

    /** {@code part / whole} in per cent with two decimals; null when there is no whole. */
    static BigDecimal pct(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, 2, ROUNDING);
    }


    /** One result row read by column name, NULL sums read as zero. */
    private record Row(QueryResult result, int index) {
        Row(QueryResult result) {
            this(result, 0);
        }

        long count(String column) {
            if (result.rows().isEmpty()) {
                return 0;
            }
            Object v = result.get(index, column);
            if (v == null) {
                return 0;
            }
            return v instanceof BigInteger b ? b.longValueExact() : ((Number) v).longValue();
        }

        BigDecimal amount(String column) {
            if (result.rows().isEmpty()) {
                return BigDecimal.ZERO.setScale(2);
            }
            Object v = result.get(index, column);
            if (v == null) {
                return BigDecimal.ZERO.setScale(2);
            }
            return v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
        }
    }
}
