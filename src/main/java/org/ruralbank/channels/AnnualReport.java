package org.ruralbank.channels;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.shared.Ratios;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.WarehouseEngine;
import org.ruralbank.warehouse.WarehouseQueries;

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
 * @param branchTotal the sum of {@link #branches}, amounts summed in yuan before rounding to 万元 (the total row
 *     of the per-org table), or null when the report has no data
 */
public record AnnualReport(
        int year,
        boolean wholeBank,
        LocalDate from,
        LocalDate to,
        Map<String, Object> figures,
        List<OrgFigures> branches,
        @Nullable OrgFigures branchTotal) {

    /** The keys of {@link #figures}, in report order. */
    public static final List<String> KEYS = List.of(
            "cards.total",
            "cards.new",
            "cards.plan",
            "cards.plan_completion_pct",
            "cards.chip",
            "cards.balance_wan",
            "cards.balance_per_card",
            "devices.total",
            "devices.new",
            "devices.txn.total",
            "devices.txn.withdrawal",
            "devices.txn.deposit",
            "devices.txn.transfer",
            "devices.txn.failed",
            "devices.fee_income_wan",
            "village.terminals",
            "village.txn.count",
            "village.txn.success",
            "village.commission_yuan",
            "pos.merchants_start",
            "pos.merchants_new",
            "pos.merchants_end",
            "pos.txn.count",
            "pos.amount_wan",
            "pos.fee_income_wan",
            "pnet.users",
            "pnet.users_new",
            "pnet.transfers.count",
            "pnet.transfers.amount_wan",
            "pnet.intra.count",
            "pnet.intra.amount_wan",
            "pnet.inter.count",
            "pnet.inter.amount_wan",
            "pnet.nxy.count",
            "pnet.nxy.amount_wan",
            "cnet.users",
            "cnet.users_new",
            "cnet.transfers.count",
            "cnet.transfers.amount_wan",
            "cnet.intra.count",
            "cnet.intra.amount_wan",
            "cnet.inter.count",
            "cnet.inter.amount_wan",
            "cnet.nxy.count",
            "cnet.nxy.amount_wan",
            "mob.users",
            "mob.users_new",
            "mob.transfers.count",
            "mob.transfers.amount_wan",
            "sms.subscriptions",
            "sms.new",
            "sms.share_of_cards_pct",
            "payouts.pension.count",
            "payouts.pension.amount_wan",
            "payouts.deduction.batches",
            "payouts.deduction.households",
            "payouts.deduction.amount_wan",
            "payouts.subsidy.count",
            "payouts.subsidy.amount_wan");

    /**
     * The figures of one org for the year (stocks at {@link #to}, flows over the year): amounts in 万元 as the report
     * writes them, and in yuan ({@code cardBalance}, {@code posAmount}, {@code deviceFee}) for a page that shows them in
     * the unit its reader chose.
     */
    public record OrgFigures(
            String orgId,
            String orgName,
            long cards,
            long newCards,
            BigDecimal cardBalanceWan,
            long pnetUsers,
            long smsUsers,
            long merchants,
            long posTxn,
            BigDecimal posAmountWan,
            long deviceTxn,
            BigDecimal deviceFeeWan,
            BigDecimal cardBalance,
            BigDecimal posAmount,
            BigDecimal deviceFee) {}

    public @Nullable Long count(String key) {
        return (Long) figures.get(key);
    }

    public @Nullable BigDecimal decimal(String key) {
        return (BigDecimal) figures.get(key);
    }

    /** Whether the warehouse holds any built date of the year. */
    public boolean hasData() {
        return to != null;
    }

    /** Stocks on one date, summed over the orgs in scope ({@code channels/annual_stocks}). */
    private record Stocks(
            long cards,
            long newCards,
            long chip,
            BigDecimal cardBalance,
            long devices,
            long newDevices,
            long bmb,
            long merchants,
            long merchantsOld,
            long pnetUsers,
            long pnetNew,
            long cnetUsers,
            long cnetNew,
            long mobUsers,
            long mobNew,
            long smsUsers,
            long smsNew) {}

    /** Flows over the year, summed over the orgs in scope ({@code channels/annual_flows}). */
    private record Flows(
            long deviceTxn,
            long deviceWdl,
            long deviceDep,
            long deviceTrf,
            long deviceFailures,
            BigDecimal deviceFee,
            long bmbTxn,
            long bmbSuccess,
            long posTxn,
            BigDecimal posAmount,
            BigDecimal posFee,
            long pnetIntrCount,
            BigDecimal pnetIntrAmount,
            long pnetInteCount,
            BigDecimal pnetInteAmount,
            long pnetNxyCount,
            BigDecimal pnetNxyAmount,
            long cnetIntrCount,
            BigDecimal cnetIntrAmount,
            long cnetInteCount,
            BigDecimal cnetInteAmount,
            long cnetNxyCount,
            BigDecimal cnetNxyAmount,
            long mobCount,
            BigDecimal mobAmount,
            long pensionCount,
            BigDecimal pensionAmount,
            long deductionBatches,
            long deductionCount,
            BigDecimal deductionAmount,
            long subsidyCount,
            BigDecimal subsidyAmount) {}

    /** One org's figures of the year ({@code channels/annual_by_org}). */
    private record OrgRow(
            String orgId,
            String orgName,
            long cards,
            long newCards,
            BigDecimal cardBalance,
            long pnetUsers,
            long smsUsers,
            long merchants,
            long posTxn,
            BigDecimal posAmount,
            long deviceTxn,
            BigDecimal deviceFee) {
        OrgFigures figures() {
            return new OrgFigures(
                    orgId,
                    orgName,
                    cards,
                    newCards,
                    wan(cardBalance),
                    pnetUsers,
                    smsUsers,
                    merchants,
                    posTxn,
                    wan(posAmount),
                    deviceTxn,
                    wan(deviceFee),
                    cardBalance,
                    posAmount,
                    deviceFee);
        }
    }

    /**
     * Computes the report of {@code year} for the orgs within {@code scope}.
     *
     * @param newCardsPlan the year's NEW_CARDS targets of the branches within the scope, or null when none are set
     */
    public static AnnualReport compute(WarehouseEngine engine, int year, OrgScope scope, BigDecimal newCardsPlan) {
        boolean whole = scope.kind() == DataScope.ALL;
        WarehouseQueries queries = WarehouseQueries.on(engine);
        ChannelReads.DataDates dates = queries.named("channels/ebank_dates")
                .between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .first(ChannelReads.DataDates.class)
                .orElse(ChannelReads.DataDates.NONE);
        if (!dates.any()) {
            return new AnnualReport(
                    year, whole, null, null, Collections.unmodifiableMap(empty(newCardsPlan)), List.of(), null);
        }
        LocalDate from = dates.firstDate();
        LocalDate to = dates.lastDate();
        OrgRows rows = OrgRows.of(scope);
        Stocks s = queries.named("channels/annual_stocks")
                .bind("business_date", to)
                .within(rows)
                .first(Stocks.class)
                .orElseThrow();
        Stocks s0 = queries.named("channels/annual_stocks")
                .bind("business_date", from)
                .within(rows)
                .first(Stocks.class)
                .orElseThrow();
        Flows fl = queries.named("channels/annual_flows")
                .between(from, to)
                .within(rows)
                .first(Flows.class)
                .orElseThrow();

        Map<String, Object> f = new LinkedHashMap<>();
        long cards = s.cards();
        long newCards = s.newCards();
        BigDecimal balance = s.cardBalance();
        f.put("cards.total", cards);
        f.put("cards.new", newCards);
        f.put("cards.plan", newCardsPlan == null || newCardsPlan.signum() == 0 ? null : newCardsPlan);
        f.put(
                "cards.plan_completion_pct",
                newCardsPlan == null ? null : Ratios.percent(BigDecimal.valueOf(newCards), newCardsPlan));
        f.put("cards.chip", s.chip());
        f.put("cards.balance_wan", wan(balance));
        f.put("cards.balance_per_card", Ratios.average(balance, cards, 2));
        f.put("devices.total", s.devices());
        f.put("devices.new", s.newDevices());
        f.put("devices.txn.total", fl.deviceTxn());
        f.put("devices.txn.withdrawal", fl.deviceWdl());
        f.put("devices.txn.deposit", fl.deviceDep());
        f.put("devices.txn.transfer", fl.deviceTrf());
        f.put("devices.txn.failed", fl.deviceFailures());
        f.put("devices.fee_income_wan", wan(fl.deviceFee()));
        f.put("village.terminals", s.bmb());
        f.put("village.txn.count", fl.bmbTxn());
        f.put("village.txn.success", fl.bmbSuccess());
        f.put("village.commission_yuan", VillageStatements.commission(fl.bmbSuccess()));
        f.put("pos.merchants_start", s0.merchantsOld());
        f.put("pos.merchants_new", s.merchants() - s.merchantsOld());
        f.put("pos.merchants_end", s.merchants());
        f.put("pos.txn.count", fl.posTxn());
        f.put("pos.amount_wan", wan(fl.posAmount()));
        f.put("pos.fee_income_wan", wan(fl.posFee()));
        transfers(
                f,
                "pnet",
                s.pnetUsers(),
                s.pnetNew(),
                fl.pnetIntrCount(),
                fl.pnetIntrAmount(),
                fl.pnetInteCount(),
                fl.pnetInteAmount(),
                fl.pnetNxyCount(),
                fl.pnetNxyAmount());
        transfers(
                f,
                "cnet",
                s.cnetUsers(),
                s.cnetNew(),
                fl.cnetIntrCount(),
                fl.cnetIntrAmount(),
                fl.cnetInteCount(),
                fl.cnetInteAmount(),
                fl.cnetNxyCount(),
                fl.cnetNxyAmount());
        f.put("mob.users", s.mobUsers());
        f.put("mob.users_new", s.mobNew());
        f.put("mob.transfers.count", fl.mobCount());
        f.put("mob.transfers.amount_wan", wan(fl.mobAmount()));
        long sms = s.smsUsers();
        f.put("sms.subscriptions", sms);
        f.put("sms.new", s.smsNew());
        f.put("sms.share_of_cards_pct", Ratios.percent(BigDecimal.valueOf(sms), BigDecimal.valueOf(cards)));
        f.put("payouts.pension.count", fl.pensionCount());
        f.put("payouts.pension.amount_wan", wan(fl.pensionAmount()));
        f.put("payouts.deduction.batches", fl.deductionBatches());
        f.put("payouts.deduction.households", fl.deductionCount());
        f.put("payouts.deduction.amount_wan", wan(fl.deductionAmount()));
        f.put("payouts.subsidy.count", fl.subsidyCount());
        f.put("payouts.subsidy.amount_wan", wan(fl.subsidyAmount()));
        List<OrgRow> orgRows = queries.named("channels/annual_by_org")
                .between(from, to)
                .within(rows)
                .list(OrgRow.class);
        List<OrgFigures> branches = orgRows.stream().map(OrgRow::figures).toList();
        return new AnnualReport(
                year,
                whole,
                from,
                to,
                Collections.unmodifiableMap(ordered(f)),
                branches,
                total(orgRows).figures());
    }

    /** The sum of the orgs' rows, with neither id nor name. */
    private static OrgRow total(List<OrgRow> orgs) {
        OrgRow t = new OrgRow("", null, 0, 0, BigDecimal.ZERO, 0, 0, 0, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO);
        for (OrgRow o : orgs) {
            t = new OrgRow(
                    "",
                    null,
                    t.cards() + o.cards(),
                    t.newCards() + o.newCards(),
                    t.cardBalance().add(o.cardBalance()),
                    t.pnetUsers() + o.pnetUsers(),
                    t.smsUsers() + o.smsUsers(),
                    t.merchants() + o.merchants(),
                    t.posTxn() + o.posTxn(),
                    t.posAmount().add(o.posAmount()),
                    t.deviceTxn() + o.deviceTxn(),
                    t.deviceFee().add(o.deviceFee()));
        }
        return t;
    }

    /** Users and transfers of personal ({@code pnet}) or corporate ({@code cnet}) online banking. */
    private static void transfers(
            Map<String, Object> f,
            String type,
            long users,
            long usersNew,
            long intra,
            BigDecimal intraAmount,
            long inter,
            BigDecimal interAmount,
            long nxy,
            BigDecimal nxyAmount) {
        f.put(type + ".users", users);
        f.put(type + ".users_new", usersNew);
        f.put(type + ".transfers.count", intra + inter + nxy);
        f.put(type + ".transfers.amount_wan", wan(intraAmount.add(interAmount).add(nxyAmount)));
        f.put(type + ".intra.count", intra);
        f.put(type + ".intra.amount_wan", wan(intraAmount));
        f.put(type + ".inter.count", inter);
        f.put(type + ".inter.amount_wan", wan(interAmount));
        f.put(type + ".nxy.count", nxy);
        f.put(type + ".nxy.amount_wan", wan(nxyAmount));
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
    private static BigDecimal wan(BigDecimal yuan) {
        return Ratios.round(yuan.movePointLeft(4), 2);
    }
}
