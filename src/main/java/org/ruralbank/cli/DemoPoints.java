package org.ruralbank.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ruralbank.directconnect.RequestSigning;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.points.CustomerPoints;
import org.ruralbank.points.EarningRules;
import org.ruralbank.points.Partners;
import org.ruralbank.points.Redemptions;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.context.ApplicationContext;

/**
 * What the demo shows of loyalty points: the sample earning rules, proposed and approved by two whole-bank officers
 * before the first date loads (so every loaded date earns); once customers have points, an e-commerce partner and an
 * alliance merchant join, the partner holds and confirms an order and the merchant redeems at the counter, and the
 * partner's key and a request recipe are written to {@code <home>/demo/points-partner.txt}.
 */
final class DemoPoints {

    private DemoPoints() {}

    record Card(String cardNo, String orgPath) {}

    record Merchant(String merchantId, String merchantName, String orgPath, String status) {}

    static void start(ApplicationContext ctx, Path home) {
        EarningRules rules = ctx.getBean(EarningRules.class);
        if (rules.all().isEmpty()) {
            StaffPrincipal maker = officer("demo.points.maker");
            StaffPrincipal checker = officer("demo.points.checker");
            for (Map<String, String> r : List.of(
                    Map.of("code", "DEPOSIT", "kind", "DEPOSIT_AVG", "unit", "10000.00", "points", "10"),
                    Map.of("code", "POS", "kind", "POS_SPEND", "unit", "10.00", "points", "1", "monthlyCap", "2000"),
                    Map.of("code", "PAYROLL", "kind", "PAYROLL", "unit", "100.00", "points", "1"),
                    Map.of("code", "REPAY", "kind", "LOAN_REPAY", "unit", "1", "points", "20"),
                    Map.of("code", "EBANK", "kind", "EBANK_SIGN", "unit", "1", "points", "50"))) {
                Map<String, String> form = new java.util.HashMap<>(r);
                form.put("validFrom", DemoCommand.DEMO_START.toString());
                if (rules.propose(form, maker) instanceof EarningRules.Outcome.Proposed p) {
                    rules.decide(p.ruleId(), true, checker);
                }
            }
        }
        Thread t = new Thread(
                () -> {
                    try {
                        CustomerPoints customers = ctx.getBean(CustomerPoints.class);
                        Partners partners = ctx.getBean(Partners.class);
                        if (!partners.within(OrgScope.everything()).isEmpty()) {
                            return;
                        }
                        while (customers.holders(OrgScope.everything(), 1).isEmpty()) {
                            Thread.sleep(5_000);
                        }
                        Thread.sleep(60_000); // a few more dates, so the merchant's data is in too
                        redeem(ctx, home, customers, partners);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (IOException | RuntimeException e) {
                        System.err.println("demo: the points partners were not set up: " + e);
                    }
                },
                "demo-points");
        t.setDaemon(true);
        t.start();
    }

    private static void redeem(ApplicationContext ctx, Path home, CustomerPoints customers, Partners partners)
            throws IOException {
        Warehouse warehouse = ctx.getBean(Warehouse.class);
        Redemptions redemptions = ctx.getBean(Redemptions.class);
        StaffPrincipal officer = officer("demo.points.maker");
        KeyPair key = RequestSigning.generate(RequestSigning.Algorithm.ECDSA_P256_SHA256);
        String publicKey = Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
        String joined = DemoCommand.DEMO_START.toString();
        String headOffice =
                customers.holders(OrgScope.everything(), 1).get(0).orgPath().split("/")[1];
        partners.join(
                Map.of(
                        "partnerId",
                        "SHOP1",
                        "kind",
                        "ONLINE",
                        "name",
                        "农商e购",
                        "orgId",
                        headOffice,
                        "pointsPerYuan",
                        "100",
                        "algorithm",
                        "ECDSA_P256_SHA256",
                        "publicKey",
                        publicKey,
                        "joinedOn",
                        joined),
                officer);
        String merchantId = null;
        for (CustomerPoints.Holder h : customers.holders(OrgScope.everything(), 50)) {
            List<Card> cards = warehouse
                    .queries()
                    .named("points/customer_cards")
                    .bind("cust_id", h.custId())
                    .within(OrgRows.of(OrgScope.everything()))
                    .list(Card.class);
            if (cards.isEmpty() || h.available() < 200) {
                continue;
            }
            String card = cards.get(0).cardNo();
            org.ruralbank.points.Partner shop =
                    partners.find("SHOP1", OrgScope.everything()).orElseThrow();
            redemptions.hold(
                    shop,
                    new Redemptions.Request("DEMO-1", card, redemptions.issueCode(card, h.custId()), "100", "900"));
            redemptions.confirm(shop, "DEMO-1");
            merchantId = merchant(warehouse, partners, officer, publicKey, joined);
            if (merchantId != null) {
                redemptions.redeem(
                        partners.find(merchantId, OrgScope.everything()).orElseThrow(),
                        new Redemptions.Request("DEMO-2", card, redemptions.issueCode(card, h.custId()), "50", null));
            }
            break;
        }
        Path recipe = home.resolve("demo").resolve("points-partner.txt");
        Files.createDirectories(recipe.getParent());
        Files.writeString(
                recipe,
                "partner id: SHOP1 (ECDSA_P256_SHA256)\nprivate key (PKCS#8, base64): "
                        + Base64.getEncoder().encodeToString(key.getPrivate().getEncoded()) + "\n"
                        + "sign as docs/points.md shows; a customer's one-time code comes from 客户积分 → a customer → 发送验证码\n"
                        + (merchantId == null ? "" : "alliance merchant: " + merchantId + " (same key)\n"));
        System.out.println("  客户积分: the sample rules earn on every loaded date; an e-commerce partner (SHOP1)"
                + (merchantId == null ? "" : " and an alliance merchant (" + merchantId + ")")
                + " have redeemed; key and recipe in " + recipe);
    }

    private static @org.jspecify.annotations.Nullable String merchant(
            Warehouse warehouse, Partners partners, StaffPrincipal officer, String publicKey, String joined) {
        List<Merchant> merchants = warehouse
                .queries()
                .named("points/demo_merchants")
                .within(OrgRows.of(OrgScope.everything()))
                .list(Merchant.class);
        for (Merchant m : merchants) {
            if (partners.join(
                            Map.of(
                                    "partnerId",
                                    m.merchantId(),
                                    "kind",
                                    "MERCHANT",
                                    "name",
                                    m.merchantName(),
                                    "pointsPerYuan",
                                    "100",
                                    "algorithm",
                                    "ECDSA_P256_SHA256",
                                    "publicKey",
                                    publicKey,
                                    "joinedOn",
                                    joined),
                            officer)
                    .isEmpty()) {
                return m.merchantId();
            }
        }
        return null;
    }

    private static StaffPrincipal officer(String name) {
        return new StaffPrincipal(0, name, name, "HO", "/", null, Set.of(Role.EBANK), DataScope.ALL);
    }
}
