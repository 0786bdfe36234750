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
import org.ruralbank.points.Campaigns;
import org.ruralbank.points.CareGrants;
import org.ruralbank.points.CustomerPoints;
import org.ruralbank.points.EarningRules;
import org.ruralbank.points.Households;
import org.ruralbank.points.Partners;
import org.ruralbank.points.PointsLedger;
import org.ruralbank.points.Redemptions;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.context.ApplicationContext;

/**
 * What the demo shows of loyalty points: the sample earning rules and a campaign (x1.5 in the first month for
 * customers with at least 50,000 yuan of deposits), proposed and approved by two whole-bank officers before the first
 * date loads (so every loaded date earns); once customers have points, an e-commerce partner and an alliance merchant
 * join, the partner holds and confirms an order and the merchant redeems at the counter; a customer-care budget is
 * approved and pays an approved grant; two customers form a household and one of them spends more than its own
 * points at the partner, the rest pooled from the other. The partner's key and a request recipe are written to
 * {@code <home>/demo/points-partner.txt}.
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
                    Map.of("code", "POS", "kind", "POS_SPEND", "unit", "10.00", "points", "1", "cap", "2000"),
                    Map.of("code", "PAYROLL", "kind", "PAYROLL", "unit", "100.00", "points", "1"),
                    Map.of("code", "REPAY", "kind", "LOAN_REPAY", "unit", "1", "points", "20"),
                    Map.of("code", "EBANK", "kind", "EBANK_SIGN", "unit", "1", "points", "50"),
                    Map.of(
                            "code",
                            "EBANK_USE",
                            "kind",
                            "EBANK_ACTIVE",
                            "unit",
                            "1",
                            "points",
                            "2",
                            "cap",
                            "60",
                            "capPeriod",
                            "MONTH"))) {
                Map<String, String> form = new java.util.HashMap<>(r);
                form.put("validFrom", DemoCommand.DEMO_START.toString());
                if (rules.propose(form, maker) instanceof EarningRules.Outcome.Proposed p) {
                    rules.decide(p.ruleId(), true, checker);
                }
            }
        }
        Campaigns campaigns = ctx.getBean(Campaigns.class);
        if (campaigns.all().isEmpty()) {
            Campaigns.Outcome o = campaigns.propose(
                    Map.of(
                            "code", "NEWYEAR",
                            "name", "新春存款积分加倍",
                            "multiplierPct", "150",
                            "validFrom", DemoCommand.DEMO_START.toString(),
                            "validTo",
                                    DemoCommand.DEMO_START
                                            .plusMonths(1)
                                            .minusDays(1)
                                            .toString(),
                            "minDeposit", "50000.00"),
                    officer("demo.points.maker"));
            if (o instanceof Campaigns.Outcome.Done d) {
                campaigns.decide(d.campaignId(), true, officer("demo.points.checker"));
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
        String head = null;
        for (CustomerPoints.Holder h : customers.holders(OrgScope.everything(), 50)) {
            List<Card> cards = warehouse
                    .queries()
                    .named("points/customer_cards")
                    .bind("cust_id", h.custId())
                    .within(OrgRows.of(OrgScope.everything()))
                    .list(Card.class);
            if (cards.isEmpty() || h.available() < 300) {
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
            head = h.custId();
            break;
        }
        String care = care(ctx, customers, redemptions);
        String pooled = head == null ? null : household(ctx, warehouse, customers, redemptions, head);
        String url = "http://localhost:" + ctx.getEnvironment().getProperty("local.server.port", "8080");
        Path recipe = home.resolve("demo").resolve("points-partner.txt");
        Path pem = home.resolve("demo").resolve("points-partner.pem");
        Files.createDirectories(recipe.getParent());
        Files.writeString(
                pem, RequestSigning.pem("PRIVATE KEY", key.getPrivate().getEncoded()));
        Files.writeString(
                recipe,
                "partner id: SHOP1 (ECDSA_P256_SHA256)\nprivate key (PKCS#8, base64): "
                        + Base64.getEncoder().encodeToString(key.getPrivate().getEncoded()) + "\n"
                        + "the same key as PEM: " + pem + "\n"
                        + "sign as docs/points.md shows; a customer's one-time code comes from 客户积分 → a customer → 发送验证码\n"
                        + (merchantId == null ? "" : "alliance merchant: " + merchantId + " (same key)\n")
                        + "with the bank's client:\n"
                        + "  ruralbank points partner quote --url " + url + " --key-id SHOP1 --algorithm"
                        + " ECDSA_P256_SHA256 --private-key " + pem + " 12.50\n"
                        + "  ruralbank points partner hold --url " + url
                        + " --key-id SHOP1 --algorithm ECDSA_P256_SHA256 --private-key "
                        + pem + " --order A1 --card CARD --code CODE --points 100\n"
                        + "  ruralbank points partner confirm --url " + url
                        + " --key-id SHOP1 --algorithm ECDSA_P256_SHA256"
                        + " --private-key " + pem + " A1\n");
        System.out.println("  客户积分: the sample rules earn on every loaded date; an e-commerce partner (SHOP1)"
                + (merchantId == null ? "" : " and an alliance merchant (" + merchantId + ")")
                + " have redeemed; key and recipe in " + recipe);
        if (care != null) {
            System.out.println("  客户积分 → 关怀积分: the budget CARE2025 is approved and paid a grant to " + care + ";");
        }
        if (pooled != null) {
            System.out.println("  a household pooled its points for SHOP1's order DEMO-3 (" + pooled + ");");
        }
        System.out.println("  客户积分 → 积分财务月报: the month's earned, redeemed, expired and outstanding points.");
    }

    /** A customer-care budget proposed and approved, and one grant from it proposed and approved. */
    private static @org.jspecify.annotations.Nullable String care(
            ApplicationContext ctx, CustomerPoints customers, Redemptions redemptions) {
        CareGrants care = ctx.getBean(CareGrants.class);
        StaffPrincipal maker = officer("demo.points.maker");
        StaffPrincipal checker = officer("demo.points.checker");
        if (care.budget("CARE2025").isPresent()) {
            return null;
        }
        care.proposeBudget(
                Map.of("budgetId", "CARE2025", "purpose", "CUSTOMER_CARE", "name", "2025年客户关怀", "points", "100000"),
                maker);
        care.decideBudget("CARE2025", true, checker, redemptions.today());
        String custId = customers.holders(OrgScope.everything(), 1).get(0).custId();
        if (care.proposeGrant(
                        Map.of("budgetId", "CARE2025", "custId", custId, "points", "500", "reason", "重阳节敬老关怀"), maker)
                instanceof CareGrants.Decision.Done d) {
            care.decideGrant(Long.parseLong(d.id()), true, checker, redemptions.today());
            return custId;
        }
        return null;
    }

    /**
     * Another customer with a card joins the household of {@code head}, then spends at SHOP1 its own available points
     * and 100 more, which the household pools from {@code head}.
     */
    private static @org.jspecify.annotations.Nullable String household(
            ApplicationContext ctx,
            Warehouse warehouse,
            CustomerPoints customers,
            Redemptions redemptions,
            String head) {
        Households households = ctx.getBean(Households.class);
        PointsLedger ledger = ctx.getBean(PointsLedger.class);
        Partners partners = ctx.getBean(Partners.class);
        for (CustomerPoints.Holder h : customers.holders(OrgScope.everything(), 50)) {
            if (h.custId().equals(head) || h.available() < 1) {
                continue;
            }
            List<Card> cards = warehouse
                    .queries()
                    .named("points/customer_cards")
                    .bind("cust_id", h.custId())
                    .within(OrgRows.of(OrgScope.everything()))
                    .list(Card.class);
            if (cards.isEmpty()
                    || !households
                            .join(h.custId(), head, officer("demo.points.maker"))
                            .isEmpty()) {
                continue;
            }
            long own = ledger.balance(PointsLedger.customerAccount(h.custId()))
                    .map(PointsLedger.Balance::available)
                    .orElse(0L);
            String card = cards.get(0).cardNo();
            org.ruralbank.points.Partner shop =
                    partners.find("SHOP1", OrgScope.everything()).orElseThrow();
            Redemptions.Answer held = redemptions.hold(
                    shop,
                    new Redemptions.Request(
                            "DEMO-3", card, redemptions.issueCode(card, h.custId()), String.valueOf(own + 100), "900"));
            if (held.status() != 200) {
                return null;
            }
            redemptions.confirm(shop, "DEMO-3");
            return h.custId() + " spent " + (own + 100) + " points, 100 of them " + head + "'s";
        }
        return null;
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
