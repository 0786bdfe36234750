package org.ruralbank.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares {@code ruralbank report annual --format json} of a generated {@code seed} year with the figures of
 * docs/domain.md §2 at the generation's scale: counts and amounts within ±3%, percentages within ±1 point. Prints a
 * Markdown table and exits 1 when a figure is out of tolerance.
 *
 * <pre>
 * ./ruralbank --home HOME report annual --year 2025 --format json --out report.json
 * java -cp target/test-classes:$(cat cp.txt) org.ruralbank.bench.AnnualReportVersusBrief report.json 1
 * </pre>
 */
public final class AnnualReportVersusBrief {

    /** The brief's figures at scale 1: counts, amounts in 万元, and percentages (keys ending in _pct). */
    static final Map<String, String> BRIEF = new LinkedHashMap<>();

    static {
        BRIEF.put("cards.total", "195986");
        BRIEF.put("cards.new", "40026");
        BRIEF.put("cards.plan_completion_pct", "80.05");
        BRIEF.put("cards.balance_wan", "68188.09");
        BRIEF.put("cards.balance_per_card", "3479.22");
        BRIEF.put("devices.total", "34");
        BRIEF.put("devices.new", "4");
        BRIEF.put("devices.txn.total", "726400");
        BRIEF.put("devices.txn.withdrawal", "685500");
        BRIEF.put("devices.txn.deposit", "24600");
        BRIEF.put("devices.txn.transfer", "14600");
        BRIEF.put("devices.fee_income_wan", "85.28");
        BRIEF.put("pos.merchants_start", "346");
        BRIEF.put("pos.merchants_new", "394");
        BRIEF.put("pos.txn.count", "93222");
        BRIEF.put("pos.amount_wan", "106287.52");
        BRIEF.put("pos.fee_income_wan", "38.66");
        BRIEF.put("pnet.users", "20314");
        BRIEF.put("pnet.users_new", "7366");
        BRIEF.put("pnet.transfers.count", "196585");
        BRIEF.put("pnet.transfers.amount_wan", "358358.53");
        BRIEF.put("pnet.intra.count", "51468");
        BRIEF.put("pnet.intra.amount_wan", "120145.93");
        BRIEF.put("pnet.inter.count", "143737");
        BRIEF.put("pnet.inter.amount_wan", "235913.69");
        BRIEF.put("pnet.nxy.count", "1380");
        BRIEF.put("pnet.nxy.amount_wan", "2298.91");
        BRIEF.put("cnet.users", "624");
        BRIEF.put("cnet.users_new", "371");
        BRIEF.put("cnet.transfers.count", "30543");
        BRIEF.put("cnet.transfers.amount_wan", "399707.05");
        BRIEF.put("cnet.inter.count", "30538");
        BRIEF.put("cnet.inter.amount_wan", "399623.22");
        BRIEF.put("cnet.nxy.count", "5");
        BRIEF.put("cnet.nxy.amount_wan", "83.83");
        BRIEF.put("sms.subscriptions", "54942");
        BRIEF.put("sms.new", "23899");
        BRIEF.put("sms.share_of_cards_pct", "28.03");
        BRIEF.put("payouts.pension.count", "949500");
        BRIEF.put("payouts.pension.amount_wan", "5438.8");
        BRIEF.put("payouts.deduction.batches", "34");
        BRIEF.put("payouts.deduction.households", "62568");
        BRIEF.put("payouts.deduction.amount_wan", "973.2");
        BRIEF.put("payouts.subsidy.count", "1929800");
        BRIEF.put("payouts.subsidy.amount_wan", "60000");
    }

    /**
     * Figures that are not scaled: devices stay whole in every profile, deduction batches are one per programme and
     * month, and a balance per card is an average.
     */
    static final java.util.Set<String> UNSCALED =
            java.util.Set.of("devices.total", "devices.new", "payouts.deduction.batches", "cards.balance_per_card");

    private AnnualReportVersusBrief() {}

    public static void main(String[] args) throws IOException {
        JsonNode report = JsonMapper.builder().build().readTree(Path.of(args[0]).toFile());
        BigDecimal scale = new BigDecimal(args.length > 1 ? args[1] : "1");
        int bad = 0;
        System.out.println("| key | brief × scale | report | deviation | within |");
        System.out.println("|---|---:|---:|---:|---|");
        for (Map.Entry<String, String> e : BRIEF.entrySet()) {
            String key = e.getKey();
            boolean pct = key.endsWith("_pct");
            BigDecimal brief = new BigDecimal(e.getValue());
            BigDecimal expected = pct || UNSCALED.contains(key) ? brief : brief.multiply(scale);
            JsonNode node = report.get(key);
            if (node == null || node.isNull()) {
                System.out.printf("| %s | %s | — | — | **no figure** |%n", key, expected.toPlainString());
                bad++;
                continue;
            }
            BigDecimal actual = node.decimalValue();
            String deviation;
            boolean ok;
            if (pct) {
                BigDecimal points = actual.subtract(expected);
                deviation = points.setScale(2, RoundingMode.HALF_UP).toPlainString() + " pt";
                ok = points.abs().compareTo(BigDecimal.ONE) <= 0;
            } else {
                BigDecimal rel = expected.signum() == 0
                        ? BigDecimal.ZERO
                        : actual.subtract(expected).divide(expected, MathContext.DECIMAL64);
                deviation =
                        rel.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
                ok = rel.abs().compareTo(new BigDecimal("0.03")) <= 0;
            }
            // a count scaled below whole numbers (5 at a tenth is 0.5) can only be met to the nearest whole one
            boolean rounding = !ok
                    && !pct
                    && !key.endsWith("_wan")
                    && actual.subtract(expected).abs().compareTo(new BigDecimal("0.5")) <= 0;
            bad += ok || rounding ? 0 : 1;
            System.out.printf(
                    "| %s | %s | %s | %s | %s |%n",
                    key,
                    expected.stripTrailingZeros().toPlainString(),
                    actual.toPlainString(),
                    deviation,
                    ok ? "yes" : rounding ? "yes (nearest whole count)" : "**no**");
        }
        System.out.println();
        System.out.println(bad == 0 ? "every figure within tolerance" : bad + " figure(s) out of tolerance");
        System.exit(bad == 0 ? 0 : 1);
    }
}
