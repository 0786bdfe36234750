package org.ruralbank.cli;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.ruralbank.directconnect.Onboarding;
import org.ruralbank.directconnect.RequestSigning;
import org.ruralbank.directconnect.RequestSigning.Algorithm;
import org.ruralbank.platform.Bootstrap;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Grantor;
import org.ruralbank.platform.NewStaffUser;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.platform.StaffUsers;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's bank-enterprise direct connection: a farm-machinery co-operative and the county finance bureau are
 * onboarded the way staff do it (a branch's e-banking officer proposes, the administrator approves), each gets an
 * operator key written into the home, and both then use the signed API over HTTP as an enterprise would: payments,
 * a quota file, a treasury payment. What was done is written beside the keys as the recipe for
 * {@code ruralbank connect}, so the pages (直连企业, 指令监控, 国库集中支付) have something to show and a visitor can
 * go on from the command line.
 *
 * <p>It runs once per home: a home whose recipe exists is left alone.
 */
final class DemoDirectConnect {

    static final String COOPERATIVE = "DEMONJ01";
    static final String BUREAU = "DEMOCZ01";
    static final String MAKER = "demo.ebank";

    private final ApplicationContext ctx;
    private final Path dir;
    private final String url;

    DemoDirectConnect(ApplicationContext ctx, Path home, int port) {
        this.ctx = ctx;
        this.dir = home.resolve("demo").resolve("directconnect");
        this.url = "http://localhost:" + port;
    }

    /** The recipe a visitor follows; its existence marks the home as seeded. */
    Path recipe() {
        return dir.resolve("README.txt");
    }

    /**
     * Onboards the two enterprises at the first branch and makes their first requests; does nothing when the home is
     * seeded already. Needs the org tree (the first loaded date) and the server listening.
     */
    void seed() throws IOException, InterruptedException {
        if (Files.exists(recipe())) {
            return;
        }
        Org branch = ctx.getBean(Orgs.class).list(OrgScope.everything()).stream()
                .filter(o -> o.level() == Org.BRANCH)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the org tree has no branch yet"));
        StaffUsers users = ctx.getBean(StaffUsers.class);
        if (users.findByUsername(MAKER).isEmpty()) {
            users.create(
                    new NewStaffUser(MAKER, "演示经办员", branch.orgId(), "", Set.of(Role.EBANK), DataScope.ORG_AND_BELOW),
                    Grantor.console());
        }
        Onboarding onboarding = ctx.getBean(Onboarding.class);
        StaffPrincipal maker = principal(users, MAKER);
        StaffPrincipal checker = principal(users, Bootstrap.FIRST_ADMIN);
        int year = LocalDate.now(ctx.getBean(Clock.class)).getYear();

        String coopMain = "6230100000000011";
        String coopSupplier = "6230100000000029";
        onboard(
                onboarding,
                maker,
                checker,
                Onboarding.Kind.ENTERPRISE,
                Map.of("enterpriseId", COOPERATIVE, "name", "城关镇农机专业合作社", "orgId", branch.orgId()));
        account(onboarding, maker, checker, COOPERATIVE, coopMain, "合作社基本户", "1280000.00");
        account(onboarding, maker, checker, COOPERATIVE, coopSupplier, "合作社一般户", "36000.00");
        Connection coop = operator(onboarding, maker, checker, COOPERATIVE, "coop-cashier", "合作社出纳");

        String bureauAccount = "6230100000000037";
        String school = "6230100000000045";
        onboard(
                onboarding,
                maker,
                checker,
                Onboarding.Kind.ENTERPRISE,
                Map.of("enterpriseId", BUREAU, "name", "县财政局国库支付中心", "orgId", branch.orgId(), "kind", "TREASURY"));
        account(onboarding, maker, checker, BUREAU, bureauAccount, "财政零余额账户", "5000000.00");
        account(onboarding, maker, checker, BUREAU, school, "县第一中学", "0.00");
        Connection bureau = operator(onboarding, maker, checker, BUREAU, "bureau-payer", "国库支付员");

        coop.json(
                "/api/dc/v1/payments",
                "demo-pay-0001",
                Map.of(
                        "debitAccount",
                        coopMain,
                        "creditAccount",
                        coopSupplier,
                        "creditorName",
                        "合作社一般户",
                        "amount",
                        "18600.00",
                        "currency",
                        "CNY"));
        coop.json(
                "/api/dc/v1/payments",
                "demo-pay-0002",
                Map.of(
                        "debitAccount",
                        coopMain,
                        "creditAccount",
                        coopSupplier,
                        "creditorName",
                        "合作社一般户",
                        "amount",
                        "2350.50",
                        "currency",
                        "CNY"));
        String quotas = "fiscal_year,budget_unit_code,budget_unit_name,economic_code,economic_name,quota_yuan\n"
                + year + ",101001,县第一中学,30201,办公费,200000.00\n"
                + year + ",101001,县第一中学,30211,差旅费,50000.00\n";
        bureau.send(
                "/api/dc/v1/treasury/quotas",
                "demo-quotas-" + year,
                quotas.getBytes(StandardCharsets.UTF_8),
                "text/csv");
        bureau.json(
                "/api/dc/v1/treasury/payments",
                "demo-tp-0001",
                Map.of(
                        "budgetUnit",
                        "101001",
                        "economicCode",
                        "30201",
                        "debitAccount",
                        bureauAccount,
                        "payeeAccount",
                        school,
                        "payeeName",
                        "县第一中学",
                        "amount",
                        "12345.67",
                        "purpose",
                        "教学用品"));

        Files.writeString(recipe(), recipeText(coopMain, coopSupplier, bureauAccount, school, year));
    }

    private String recipeText(String coopMain, String coopSupplier, String bureauAccount, String school, int year) {
        return String.join(
                "\n",
                "银企直连演示 / Direct connection demo",
                "",
                "两家企业已由 " + MAKER + " 经办、admin 复核开通，并已通过签名接口发起请求。",
                "Two enterprises were onboarded (maker " + MAKER + ", checker admin) and have used the signed API.",
                "",
                COOPERATIVE + " 城关镇农机专业合作社: accounts " + coopMain + ", " + coopSupplier
                        + "; payments demo-pay-0001, demo-pay-0002",
                "  " + connect("balances", COOPERATIVE, "coop-cashier"),
                "  "
                        + connect(
                                "pay --id my-first-payment --from " + coopMain + " --to " + coopSupplier
                                        + " --amount 100.00",
                                COOPERATIVE,
                                "coop-cashier"),
                "",
                BUREAU + " 县财政局国库支付中心 (TREASURY): account " + bureauAccount + ", payee " + school + "; quotas of "
                        + year + " loaded, treasury payment demo-tp-0001",
                "  " + connect("treasury reconciliation", BUREAU, "bureau-payer"),
                "");
    }

    /** The command line of {@code ruralbank connect}: the subcommand first, then where the bank is and who signs. */
    private String connect(String subcommand, String enterpriseId, String keyId) {
        return "./ruralbank connect " + subcommand + " --url " + url + " --algorithm " + Algorithm.SM2_SM3
                + " --key-id " + keyId + " --private-key "
                + dir.resolve(enterpriseId).resolve("private.pem");
    }

    private Connection operator(
            Onboarding onboarding,
            StaffPrincipal maker,
            StaffPrincipal checker,
            String enterpriseId,
            String keyId,
            String operatorName)
            throws IOException {
        KeyPair pair = ConnectCommand.Keygen.write(Algorithm.SM2_SM3, dir.resolve(enterpriseId));
        Map<String, String> key = new LinkedHashMap<>();
        key.put("enterpriseId", enterpriseId);
        key.put("keyId", keyId);
        key.put("operatorName", operatorName);
        key.put("algorithm", Algorithm.SM2_SM3.name());
        key.put("publicKey", RequestSigning.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        onboard(onboarding, maker, checker, Onboarding.Kind.KEY, key);
        ConnectCommand.Connection c = new ConnectCommand.Connection();
        c.url = url;
        c.keyId = keyId;
        c.privateKey = dir.resolve(enterpriseId).resolve("private.pem");
        c.algorithm = Algorithm.SM2_SM3;
        return new Connection(c);
    }

    private static void account(
            Onboarding onboarding,
            StaffPrincipal maker,
            StaffPrincipal checker,
            String enterpriseId,
            String accountNo,
            String name,
            String openingYuan) {
        onboard(
                onboarding,
                maker,
                checker,
                Onboarding.Kind.ACCOUNT,
                Map.of(
                        "enterpriseId",
                        enterpriseId,
                        "accountNo",
                        accountNo,
                        "accountName",
                        name,
                        "openingBalance",
                        openingYuan));
        onboard(
                onboarding,
                maker,
                checker,
                Onboarding.Kind.GRANT,
                Map.of(
                        "enterpriseId",
                        enterpriseId,
                        "accountNo",
                        accountNo,
                        "view",
                        "true",
                        "pay",
                        "true",
                        "sweep",
                        "true"));
    }

    private static void onboard(
            Onboarding onboarding,
            StaffPrincipal maker,
            StaffPrincipal checker,
            Onboarding.Kind kind,
            Map<String, String> fields) {
        onboarding.approve(onboarding.propose(kind.change(fields), maker), checker);
    }

    private static StaffPrincipal principal(StaffUsers users, String username) {
        return users.findByUsername(username).orElseThrow().principal();
    }

    /** An operator's signed requests; an answer other than 2xx stops the seeding with what the bank said. */
    private record Connection(ConnectCommand.Connection c) {

        void json(String path, String idempotencyKey, Map<String, String> body)
                throws IOException, InterruptedException {
            send(path, idempotencyKey, JsonMapper.shared().writeValueAsBytes(body), "application/json");
        }

        void send(String path, String idempotencyKey, byte[] body, String contentType)
                throws IOException, InterruptedException {
            HttpResponse<byte[]> r = c.exchange("POST", path, body, contentType, idempotencyKey, null);
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        path + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
            }
        }
    }
}
