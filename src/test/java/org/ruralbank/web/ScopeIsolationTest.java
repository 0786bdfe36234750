package org.ruralbank.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.Endpoints;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A user of branch A cannot list, open, export or guess by id anything of branch B, on every page that shows bank
 * data. Every GET endpoint of the application must appear in {@link #cases} or in {@link #NOT_BANK_DATA}: a new
 * endpoint without a scope case fails {@link #everyEndpointHasAScopeCase()}.
 */
@OnPostgres
class ScopeIsolationTest {

    /** Partner endpoints have no staff scope: an enterprise's signed request reaches only its granted accounts. */
    static final String PARTNER = "partner API: authorized per enterprise grant, not by staff scope; grant "
            + "isolation is tested in DirectConnectApiTest";

    /** The points partner API has no staff scope: a partner's signed request reaches only its own orders. */
    static final String POINTS_PARTNER =
            "points partner API: a signed request reaches the partner's own orders only " + "(PointsApiTest)";

    /** Endpoints that show no rows of bank data, with the reason. */
    static final Map<String, String> NOT_BANK_DATA = Map.ofEntries(
            Map.entry("GET /", "redirects to /home"),
            Map.entry("GET /login", "the login form"),
            Map.entry(
                    "GET /appraisal/ftp/export", "the FTP curves: one bank-wide rate per date and term, no org's data"),
            Map.entry("GET /password", "the user's own password form"),
            Map.entry("GET /about", "version and configuration only"),
            Map.entry("GET /api/dc/v1/openapi.json", "the partner API's description only"),
            Map.entry("GET /api/dc/v1/accounts", PARTNER),
            Map.entry("GET /api/dc/v1/reports/intraday", PARTNER),
            Map.entry("GET /api/dc/v1/accounts/{accountNo}/entries", PARTNER),
            Map.entry("GET /api/dc/v1/accounts/{accountNo}/statement", PARTNER),
            Map.entry("GET /api/dc/v1/payments/{key}", PARTNER),
            Map.entry("GET /api/dc/v1/payments/iso/jobs/{jobId}", PARTNER),
            Map.entry("GET /api/dc/v1/payments/iso/jobs/{jobId}/report", PARTNER),
            Map.entry("GET /api/dc/v1/pools/{poolId}/runs", PARTNER),
            Map.entry("GET /api/dc/v1/treasury/reconciliation", PARTNER),
            Map.entry("GET /api/dc/v1/treasury/payments/{paymentId}", PARTNER),
            Map.entry("GET /api/points/v1/orders/{orderId}", POINTS_PARTNER),
            Map.entry("GET /data", "delivery dates and their states, no row of any org"),
            Map.entry("GET /data/progress", "the running load's step and percentage"),
            Map.entry("GET /data/dates/{date}", "files, counts and quarantined records, which belong to no org yet"),
            Map.entry("GET /warehouse/models", "model metadata: descriptions, columns, tests"),
            Map.entry("GET /warehouse/models/{name}", "model metadata: descriptions, columns, tests, SQL"),
            Map.entry("GET /warehouse/lineage", "model names and their dependencies"),
            Map.entry(
                    "GET /appraisal/schemes",
                    "the scheme's items, weights, rules and base targets, and the bank's "
                            + "wage budget: no row of any org"),
            Map.entry(
                    "GET /appraisal/office/runs",
                    "a whole-bank page (WholeBankPages): runs and the departments' "
                            + "entries of every branch, reached only with the whole-bank scope"));

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    TestBank bank;
    Org a;
    Org b;
    String bUser;
    MockHttpSession headOfA;
    MockHttpSession adminOfA;

    @BeforeEach
    void twoBranches() throws Exception {
        bank = new TestBank(ctx);
        a = bank.branch("甲支行");
        b = bank.branch("乙支行");
        bank.subBranch(a, "甲一分理处");
        bank.subBranch(b, "乙一分理处");
        bUser = bank.user(b, DataScope.ORG_AND_BELOW, Role.CM);
        headOfA = TestBank.login(mvc, bank.user(a, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD), TestBank.PASSWORD);
        // a branch administrator: can act, but only within branch A
        adminOfA = TestBank.login(mvc, bank.user(a, DataScope.ORG_AND_BELOW, Role.ADMIN), TestBank.PASSWORD);
        // branch B leaves traces in the audit log too
        TestBank.login(mvc, bUser, TestBank.PASSWORD);
        // and a direct-connection enterprise with an executed payment
        var dc = new org.ruralbank.directconnect.DirectConnectFixture(ctx, b);
        bEnterprise = dc.enterprise("乙支行直连企业");
        bAccount = dc.account(bEnterprise, "1000");
        String payee = dc.account(bEnterprise, "0");
        var payments = ctx.getBean(org.ruralbank.directconnect.internal.Payments.class);
        bInstruction = payments.execute(new org.ruralbank.directconnect.internal.PaymentOrder(
                        bEnterprise,
                        "JSON:scope-" + bEnterprise,
                        "JSON",
                        null,
                        null,
                        null,
                        bAccount,
                        payee,
                        "乙",
                        null,
                        "12.00",
                        "CNY",
                        ctx.getBean(org.ruralbank.directconnect.BusinessCalendar.class)
                                .today()))
                .instructionId();
    }

    String bEnterprise;
    String bAccount;
    String bBureau;

    /** A finance bureau of branch B with a quota (made once, when a case needs it). */
    private String bBureau() {
        if (bBureau == null) {
            var dc = new org.ruralbank.directconnect.DirectConnectFixture(ctx, b);
            bBureau = dc.bank.uniqueId("T");
            dc.apply(
                    org.ruralbank.directconnect.Onboarding.Kind.ENTERPRISE,
                    Map.of("enterpriseId", bBureau, "name", "乙支行财政局", "kind", "TREASURY", "orgId", b.orgId()));
            var today = ctx.getBean(org.ruralbank.directconnect.BusinessCalendar.class)
                    .today();
            ctx.getBean(org.ruralbank.directconnect.internal.Treasury.class)
                    .load(
                            bBureau,
                            "scope",
                            org.ruralbank.directconnect.TreasuryFixture.csv(
                                    today.getYear() + ",B01,乙支行预算单位,30201,办公费,100.00"),
                            today);
        }
        return bBureau;
    }

    /** Both branches have channel figures in the warehouse (a card, users, a device, a merchant). */
    private void channelFigures() {
        TestBank.Rows.seed(
                ctx.getBean(org.ruralbank.warehouse.Warehouse.class),
                CHANNEL_DAY,
                java.util.List.of(new String[] {a.orgId(), a.path()}, new String[] {b.orgId(), b.path()}));
    }

    static final java.time.LocalDate CHANNEL_DAY = java.time.LocalDate.of(2025, 6, 30);

    String bCustomer;
    String bPartner;

    /** A customer of branch B with points, and an e-commerce partner of B (made once per test). */
    private String pointsOfB() {
        if (bCustomer == null) {
            bCustomer = bank.uniqueId("PB");
            bPartner = bank.uniqueId("PB").toUpperCase().replaceAll("[^A-Z0-9]", "");
            org.ruralbank.points.PointsFixture.customerWithPoints(ctx, bCustomer, b, 77);
            org.ruralbank.points.PointsFixture.partner(ctx, bPartner, "ONLINE", b);
        }
        return bCustomer;
    }

    /**
     * Both branches' customers of {@link #channelFigures} and, in each branch, a mutual guarantee between two customers
     * {@code G1<org>} and {@code G2<org>}, the first holding a magnetic card, built into the CRM marts of {@link #CHANNEL_DAY}.
     */
    private void crmFigures() {
        channelFigures();
        var warehouse = ctx.getBean(org.ruralbank.warehouse.Warehouse.class);
        var rows = new TestBank.Rows(warehouse.engine());
        String d = CHANNEL_DAY.toString();
        for (Org o : new Org[] {a, b}) {
            String id = o.orgId();
            rows.customer(d, "G1" + id, "P", "担保甲" + id, "360102199001010001", "13800000001", "互保村1号", "互保村", null, o)
                    .customer(
                            d, "G2" + id, "P", "担保乙" + id, "360102199001010002", "13800000002", "互保村2号", "互保村", null, o)
                    .loan(d, "LG1" + id, "G1" + id, o, "10000.00", "2026-06-30", 0, "G")
                    .loan(d, "LG2" + id, "G2" + id, o, "10000.00", "2026-06-30", 0, "G")
                    .guarantee(d, "LG1" + id, "G2" + id, "10000.00")
                    .guarantee(d, "LG2" + id, "G1" + id, "10000.00");
            rows.row(
                    "core_card",
                    d,
                    "card_no, acct_no, cust_id, card_product, medium, issue_org_id, issue_date, card_status",
                    "M" + id,
                    "A" + id,
                    "G1" + id,
                    "JN",
                    "M",
                    id,
                    "2020-01-01",
                    "N");
            // the customer manager SM<org> of the first, in core staff and on a loan contract: their portfolio
            rows.row(
                    "core_staff",
                    d,
                    "staff_id, staff_name, org_id, post_code, hire_date, status",
                    "SM" + id,
                    "经理" + id,
                    id,
                    "CM",
                    "2010-01-01",
                    "A");
            rows.row(
                    "cred_loan_contract",
                    d,
                    "contract_no, cust_id, org_id, manager_staff_id, product_code, contract_amt, int_rate, "
                            + "start_date, maturity_date, repay_method, guarantee_type, status",
                    "LM" + id,
                    "G1" + id,
                    id,
                    "SM" + id,
                    "FARM",
                    new java.math.BigDecimal("5000.00"),
                    new java.math.BigDecimal("0.06"),
                    "2024-06-01",
                    "2026-06-30",
                    "EPI",
                    "C",
                    "A");
            rows.row(
                    "cred_loan",
                    d,
                    "loan_no, contract_no, cust_id, org_id, disburse_date, maturity_date, loan_amt, balance, "
                            + "int_rate, overdue_principal, overdue_interest, dpd, class_5, status",
                    "LM" + id,
                    "LM" + id,
                    "G1" + id,
                    id,
                    "2024-06-01",
                    "2026-06-30",
                    new java.math.BigDecimal("5000.00"),
                    new java.math.BigDecimal("5000.00"),
                    new java.math.BigDecimal("0.06"),
                    java.math.BigDecimal.ZERO,
                    java.math.BigDecimal.ZERO,
                    0,
                    "1",
                    "A");
        }
        warehouse.engine().inTransaction(() -> warehouse.runner().build(java.util.List.of(CHANNEL_DAY), s -> {}));
    }

    /** A task of the magnetic-card list made for the customer G1 of {@code o} and its manager (once). */
    private void taskOf(Org o) {
        ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("insert into crm_task (list_kind, list_date, cust_id, cust_name, org_path, staff_id, detail, "
                        + "created_by, created_at) values ('MAGNETIC_CARD', :d, :c, :n, :path, :s, null, 'x', "
                        + "current_timestamp) on conflict do nothing")
                .param("d", CHANNEL_DAY)
                .param("c", "G1" + o.orgId())
                .param("n", "担保甲" + o.orgId())
                .param("path", o.path())
                .param("s", "SM" + o.orgId())
                .update();
    }

    /** A pending hand-over of branch B's manager, as the store keeps it (one, however many cases ask); its id. */
    private long handOverOfB() {
        var db = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        db.sql("insert into crm_handover (from_staff, org_path, effective_date, status, customers, proposed_by, "
                        + "proposed_at, pending_from) values (:s, :path, date '2025-07-01', 'PENDING', 1, 'b', "
                        + "current_timestamp, :s) on conflict do nothing")
                .param("s", "SM" + b.orgId())
                .param("path", b.path())
                .update();
        return db.sql("select handover_id from crm_handover where pending_from = :s")
                .param("s", "SM" + b.orgId())
                .query(Long.class)
                .single();
    }

    String bObject;
    String bStaff;
    long bDispute;

    /**
     * Branch B's appraisal data (made once per test): an FTP curve and both branches' accounts built into the FTP
     * marts, a claim of B's account by a staff member of B, and a dispute over it.
     */
    private void appraisalOfB() {
        if (bObject != null) {
            return;
        }
        var engine = ctx.getBean(org.ruralbank.warehouse.Warehouse.class).engine();
        ctx.getBean(org.ruralbank.warehouse.Warehouse.class).runner().prepare();
        engine.execute("delete from ref.ftp_curve");
        String[] terms = {"O/N", "1M", "3M", "6M", "1Y", "2Y", "3Y", "5Y"};
        int[] days = {1, 30, 90, 180, 360, 720, 1080, 1800};
        for (int i = 0; i < terms.length; i++) {
            engine.execute(
                    "insert into ref.ftp_curve values (date '2025-01-01', '" + terms[i] + "', " + days[i] + ", 0.02)");
        }
        channelFigures();
        var store = ctx.getBean(org.ruralbank.appraisal.internal.JdbcClaims.class);
        bObject = "A" + b.orgId();
        bStaff = bank.uniqueId("SB");
        var kind = org.ruralbank.appraisal.CreditKind.DEPOSIT;
        store.ensureObject(kind, bObject, b.orgId(), b.path());
        var now = java.time.OffsetDateTime.now();
        long claim = store.insertClaim(
                kind,
                bObject,
                b.path(),
                bStaff,
                new java.math.BigDecimal("0.6"),
                java.time.LocalDate.of(2025, 1, 1),
                org.ruralbank.appraisal.Claim.OPEN_END,
                "PENDING",
                "CLAIM",
                null,
                bStaff,
                now,
                null);
        bDispute = store.openDispute(kind, bObject, b.path(), now);
        store.joinDispute(
                bDispute,
                kind,
                bObject,
                java.time.LocalDate.of(2025, 1, 1),
                org.ruralbank.appraisal.Claim.OPEN_END,
                claim);
    }

    long bInstruction;

    org.ruralbank.appraisal.AppraisalRows.Written appraisal;

    /** A published appraisal with results, people and pools of both branches (made once, when a case needs it). */
    private org.ruralbank.appraisal.AppraisalRows.Written appraisal() {
        if (appraisal == null) {
            appraisal = org.ruralbank.appraisal.AppraisalRows.publishedRun(ctx, java.util.List.of(a, b));
        }
        return appraisal;
    }

    Long departmentPool;

    /** A head-office department's pool in the published appraisal, its org path the bank's root (made once). */
    private long departmentPool() {
        if (departmentPool == null) {
            long run = appraisal().runId();
            var db = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            String dept = bank.uniqueId("D");
            db.sql("insert into appraisal_result_dept (run_id, dept_id, dept_name, org_path, headcount, score, "
                            + "rank_no) values (:r, :d, '隔离部室奖金池', '/', 1, 80, 1)")
                    .param("r", run)
                    .param("d", dept)
                    .update();
            var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
            db.sql(
                            "insert into appraisal_pool (run_id, budget_year, unit_kind, unit_id, org_id, org_path, amount_fen, "
                                    + "floor_fen, cap_fen, status) values (:r, 2099, 'DEPT', :d, :d, '/', 1000, 0, 1000, 'OPEN')")
                    .param("r", run)
                    .param("d", dept)
                    .update(key, "pool_id");
            departmentPool = key.getKey().longValue();
        }
        return departmentPool;
    }

    /** One case per GET endpoint that shows bank data; each asserts that nothing of branch B is visible. */
    Map<String, ScopeCase> cases() {
        Map<String, ScopeCase> cases = new LinkedHashMap<>();
        cases.put("GET /home", () -> assertPageHasNo(headOfA, "/home", b.orgId()));
        cases.put("GET /users", () -> {
            assertPageHasNo(headOfA, "/users", bUser);
            assertSearchFindsNothing(headOfA, "/users?kw=" + bUser);
            assertPageHasNo(headOfA, "/users?size=500", b.orgId());
        });
        cases.put("GET /users/export", () -> assertExportHasNo(headOfA, "/users/export", bUser, b.orgId()));
        cases.put(
                "GET /users/{id}",
                () -> mvc.perform(get("/users/" + bank.userId(bUser)).session(headOfA))
                        .andExpect(status().isNotFound()));
        cases.put("GET /users/new", () -> assertPageHasNo(adminOfA, "/users/new", b.orgId()));
        cases.put("GET /orgs", () -> assertPageHasNo(headOfA, "/orgs", b.orgId()));
        cases.put("GET /orgs/export", () -> assertExportHasNo(headOfA, "/orgs/export", b.orgId()));
        cases.put("GET /audit", () -> {
            assertPageHasNo(adminOfA, "/audit", bUser);
            assertSearchFindsNothing(adminOfA, "/audit?actor=" + bUser);
        });
        cases.put("GET /audit/export", () -> assertExportHasNo(adminOfA, "/audit/export", bUser));
        cases.put("GET /appraisal/ftp", () -> {
            appraisalOfB();
            assertPageHasNo(headOfA, "/appraisal/ftp?date=" + CHANNEL_DAY, b.orgId(), bStaff);
            String own = mvc.perform(get("/appraisal/ftp?date=" + CHANNEL_DAY).session(headOfA))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(own).as("branch A's own FTP row is shown").contains(a.orgId());
        });
        cases.put("GET /appraisal/claims", () -> {
            appraisalOfB();
            assertPageHasNo(headOfA, "/appraisal/claims", bObject, bStaff);
        });
        cases.put("GET /appraisal/claims/export", () -> {
            appraisalOfB();
            assertExportHasNo(headOfA, "/appraisal/claims/export", bObject, bStaff);
        });
        cases.put("GET /appraisal/claims/object", () -> {
            appraisalOfB();
            mvc.perform(get("/appraisal/claims/object?kind=DEPOSIT&id=" + bObject)
                            .session(headOfA))
                    .andExpect(status().isNotFound());
        });
        cases.put("GET /appraisal/claims/handover", () -> {
            appraisalOfB();
            assertPageHasNo(headOfA, "/appraisal/claims/handover?fromStaff=" + bStaff + "&date=2025-06-30", bObject);
        });
        cases.put("GET /appraisal/disputes", () -> {
            appraisalOfB();
            assertPageHasNo(headOfA, "/appraisal/disputes", bObject);
        });
        cases.put("GET /appraisal/disputes/{id}", () -> {
            appraisalOfB();
            mvc.perform(get("/appraisal/disputes/" + bDispute).session(headOfA)).andExpect(status().isNotFound());
        });
        cases.put("GET /crm/customers", () -> {
            crmFigures();
            assertPageHasNo(headOfA, "/crm/customers?q=C" + b.orgId(), "客户" + b.orgId());
            String page = mvc.perform(get("/crm/customers?q=客户").session(headOfA))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("C" + a.orgId()).doesNotContain(b.orgId());
        });
        cases.put("GET /crm/customers/export", () -> {
            crmFigures();
            assertExportHasNo(headOfA, "/crm/customers/export?q=客户", b.orgId());
        });
        cases.put("GET /crm/customers/{id}", () -> {
            crmFigures();
            mvc.perform(get("/crm/customers/C" + b.orgId() + "?date=" + CHANNEL_DAY)
                            .session(headOfA))
                    .andExpect(status().isNotFound());
            String own = mvc.perform(get("/crm/customers/G1" + a.orgId() + "?date=" + CHANNEL_DAY)
                            .session(headOfA))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(own).contains("G2" + a.orgId()).doesNotContain(b.orgId());
        });
        cases.put("GET /crm/customers/{id}/graph", () -> {
            crmFigures();
            mvc.perform(get("/crm/customers/G1" + b.orgId() + "/graph?date=" + CHANNEL_DAY)
                            .session(headOfA))
                    .andExpect(status().isNotFound());
            String own = mvc.perform(get("/crm/customers/G1" + a.orgId() + "/graph?date=" + CHANNEL_DAY)
                            .session(headOfA))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(own).contains("/crm/customers/G2" + a.orgId()).doesNotContain(b.orgId());
        });
        cases.put("GET /crm/circles", () -> {
            crmFigures();
            String page = mvc.perform(get("/crm/circles?date=" + CHANNEL_DAY).session(headOfA))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("G1" + a.orgId()).doesNotContain(b.orgId());
        });
        cases.put("GET /crm/circles/export", () -> {
            crmFigures();
            assertExportHasNo(headOfA, "/crm/circles/export?date=" + CHANNEL_DAY, b.orgId());
        });
        cases.put("GET /crm/lists", () -> {
            crmFigures();
            String page = mvc.perform(get("/crm/lists?list=MAGNETIC_CARD&date=" + CHANNEL_DAY)
                            .session(headOfA))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("G1" + a.orgId()).doesNotContain(b.orgId());
        });
        cases.put("GET /crm/lists/export", () -> {
            crmFigures();
            assertExportHasNo(headOfA, "/crm/lists/export?list=MAGNETIC_CARD&date=" + CHANNEL_DAY, b.orgId());
        });
        cases.put("GET /crm/portfolios", () -> {
            crmFigures();
            String page = mvc.perform(get("/crm/portfolios?staff=SM" + a.orgId() + "&date=" + CHANNEL_DAY)
                            .session(headOfA))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("SM" + a.orgId(), "G1" + a.orgId()).doesNotContain(b.orgId());
            assertPageHasNo(headOfA, "/crm/portfolios?staff=SM" + b.orgId() + "&date=" + CHANNEL_DAY, "G1" + b.orgId());
        });
        cases.put("GET /crm/handovers", () -> {
            handOverOfB();
            assertPageHasNo(headOfA, "/crm/handovers", "SM" + b.orgId());
        });
        cases.put("GET /crm/handovers/{id}", () -> {
            long id = handOverOfB();
            mvc.perform(get("/crm/handovers/" + id).session(headOfA)).andExpect(status().isNotFound());
        });
        cases.put("GET /crm/tasks", () -> {
            crmFigures();
            taskOf(a);
            taskOf(b);
            String page = mvc.perform(
                            get("/crm/tasks?list=MAGNETIC_CARD&listDate=" + CHANNEL_DAY + "&date=" + CHANNEL_DAY)
                                    .session(headOfA))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("G1" + a.orgId()).doesNotContain(b.orgId());
            assertPageHasNo(headOfA, "/crm/tasks", b.orgId());
        });
        cases.put("GET /crm/value", () -> {
            crmFigures();
            assertPageHasNo(headOfA, "/crm/value?date=" + CHANNEL_DAY, b.orgId());
        });
        cases.put("GET /channels/targets", () -> assertPageHasNo(headOfA, "/channels/targets", b.orgId()));
        cases.put(
                "GET /channels/targets/export",
                () -> assertExportHasNo(headOfA, "/channels/targets/export", b.orgId()));
        cases.put(
                "GET /channels/targets/template",
                () -> assertExportHasNo(adminOfA, "/channels/targets/template", b.orgId()));
        cases.put("GET /channels/report", () -> {
            channelFigures();
            String page = mvc.perform(get("/channels/report?year=2025").session(headOfA))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains(a.orgId()).contains("辖内累计发行金农卡1张").doesNotContain(b.orgId());
        });
        cases.put("GET /channels/cards", () -> {
            channelFigures();
            String page = mvc.perform(
                            get("/channels/cards?from=2025-01-01&to=2025-12-31").session(headOfA))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains(a.orgId()).doesNotContain(b.orgId());
            mvc.perform(get("/channels/cards?org=" + b.orgId()).session(headOfA))
                    .andExpect(status().isNotFound());
        });
        cases.put("GET /channels/cards/list", () -> {
            channelFigures();
            String page = mvc.perform(get("/channels/cards/list?from=2025-01-01&to=2025-12-31&org=" + a.orgId())
                            .session(headOfA))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains(a.name()).doesNotContain(b.orgId());
            mvc.perform(get("/channels/cards/list?org=" + b.orgId()).session(headOfA))
                    .andExpect(status().isNotFound());
        });
        cases.put("GET /channels/cards/list/export", () -> {
            channelFigures();
            byte[] xlsx = mvc.perform(
                            get("/channels/cards/list/export?from=2025-01-01&to=2025-12-31&below=true&org=" + a.orgId())
                                    .session(headOfA))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            assertThat(cells(xlsx)).contains(a.orgId()).doesNotContain(b.orgId());
            mvc.perform(get("/channels/cards/list/export?below=true&org=" + b.orgId())
                            .session(headOfA))
                    .andExpect(status().isNotFound());
        });
        cases.put("GET /channels/online/users", () -> {
            channelFigures();
            String page = mvc.perform(get("/channels/online/users?kind=PNET&below=true&from=2025-01-01&to=2025-12-31"
                                    + "&org=" + a.orgId())
                            .session(headOfA))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("P" + a.orgId()).doesNotContain(b.orgId());
            mvc.perform(get("/channels/online/users?kind=PNET&below=true&org=" + b.orgId())
                            .session(headOfA))
                    .andExpect(status().isNotFound());
        });
        cases.put("GET /channels/online/users/export", () -> {
            channelFigures();
            byte[] xlsx = mvc.perform(get("/channels/online/users/export?kind=PNET&below=true&from=2025-01-01"
                                    + "&to=2025-12-31&org=" + a.orgId())
                            .session(headOfA))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            assertThat(cells(xlsx)).contains("P" + a.orgId()).doesNotContain(b.orgId());
            mvc.perform(get("/channels/online/users/export?kind=PNET&org=" + b.orgId())
                            .session(headOfA))
                    .andExpect(status().isNotFound());
        });
        cases.put("GET /channels/cards/export", () -> {
            channelFigures();
            assertExportHasNo(headOfA, "/channels/cards/export?from=2025-01-01&to=2025-12-31", b.orgId());
            mvc.perform(get("/channels/cards/export?org=" + b.orgId()).session(headOfA))
                    .andExpect(status().isNotFound());
        });
        cases.put("GET /channels/devices", () -> {
            channelFigures();
            String page = mvc.perform(get("/channels/devices?from=2025-01-01&to=2025-12-31")
                            .session(headOfA))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("D" + a.orgId()).doesNotContain(b.orgId());
            mvc.perform(get("/channels/devices?org=" + b.orgId()).session(headOfA))
                    .andExpect(status().isNotFound());
        });
        cases.put("GET /channels/devices/export", () -> {
            channelFigures();
            assertExportHasNo(headOfA, "/channels/devices/export?from=2025-01-01&to=2025-12-31", b.orgId());
        });
        cases.put("GET /channels/merchants", () -> {
            channelFigures();
            String page = mvc.perform(get("/channels/merchants?from=2025-01-01&to=2025-12-31")
                            .session(headOfA))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("M" + a.orgId()).contains("凌晨消费").doesNotContain(b.orgId());
            assertPageHasNo(headOfA, "/channels/merchants?from=2025-01-01&to=2025-12-31&only=risk", b.orgId());
            mvc.perform(get("/channels/merchants?org=" + b.orgId()).session(headOfA))
                    .andExpect(status().isNotFound());
        });
        cases.put("GET /channels/merchants/export", () -> {
            channelFigures();
            assertExportHasNo(headOfA, "/channels/merchants/export?from=2025-01-01&to=2025-12-31", b.orgId());
        });
        cases.put("GET /channels/limits", () -> {
            channelFigures();
            String page = mvc.perform(get("/channels/limits?to=2025-06-30").session(headOfA))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("E" + a.orgId()).doesNotContain(b.orgId());
            mvc.perform(get("/channels/limits?org=" + b.orgId()).session(headOfA))
                    .andExpect(status().isNotFound());
        });
        cases.put("GET /channels/limits/export", () -> {
            channelFigures();
            assertExportHasNo(headOfA, "/channels/limits/export?to=2025-06-30", b.orgId());
        });
        cases.put("GET /channels/substitution", () -> {
            channelFigures();
            String page = mvc.perform(get("/channels/substitution?year=2025").session(headOfA))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains(a.orgId()).contains("50.00").doesNotContain(b.orgId());
            mvc.perform(get("/channels/substitution?org=" + b.orgId()).session(headOfA))
                    .andExpect(status().isNotFound());
        });
        cases.put("GET /channels/substitution/export", () -> {
            channelFigures();
            assertExportHasNo(headOfA, "/channels/substitution/export?year=2025", b.orgId());
        });
        cases.put("GET /channels/village", () -> {
            channelFigures();
            String page = mvc.perform(get("/channels/village?month=2025-06").session(headOfA))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("V" + a.orgId()).contains("0.50").doesNotContain(b.orgId());
            mvc.perform(get("/channels/village?org=" + b.orgId()).session(headOfA))
                    .andExpect(status().isNotFound());
        });
        cases.put("GET /channels/village/export", () -> {
            channelFigures();
            assertExportHasNo(headOfA, "/channels/village/export?month=2025-06", b.orgId());
        });
        cases.put("GET /channels/online", () -> {
            channelFigures();
            assertPageHasNo(headOfA, "/channels/online?year=2025", b.orgId());
            mvc.perform(get("/channels/online?org=" + b.orgId()).session(headOfA))
                    .andExpect(status().isNotFound());
        });
        cases.put("GET /channels/online/export", () -> {
            channelFigures();
            byte[] xlsx = mvc.perform(get("/channels/online/export?year=2025").session(headOfA))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                Row june = null;
                for (Row row : book.getSheetAt(0)) {
                    // below the title, the period and unit, and the header
                    if (row.getRowNum() > 2 && row.getCell(0).getNumericCellValue() == 6) {
                        june = row;
                    }
                }
                assertThat(june).as("a row for June").isNotNull();
                assertThat(june.getCell(1).getNumericCellValue())
                        .as("personal users of branch A only")
                        .isEqualTo(1);
                assertThat(june.getCell(4).getNumericCellValue())
                        .as("corporate users of branch A only")
                        .isEqualTo(1);
            }
        });
        cases.put("GET /channels/report/export", () -> {
            channelFigures();
            assertExportHasNo(headOfA, "/channels/report/export?year=2025", b.orgId());
        });
        cases.put("GET /directconnect/enterprises", () -> {
            assertPageHasNo(headOfA, "/directconnect/enterprises", bEnterprise);
            assertSearchFindsNothing(headOfA, "/directconnect/enterprises?kw=" + bEnterprise);
        });
        cases.put(
                "GET /directconnect/enterprises/new",
                () -> assertPageHasNo(headOfA, "/directconnect/enterprises/new", b.orgId()));
        cases.put(
                "GET /directconnect/enterprises/{id}",
                () -> mvc.perform(
                                get("/directconnect/enterprises/" + bEnterprise).session(headOfA))
                        .andExpect(status().isNotFound()));
        cases.put("GET /directconnect/changes", () -> {
            assertPageHasNo(headOfA, "/directconnect/changes?status=APPROVED", bEnterprise, bAccount);
            assertSearchFindsNothing(headOfA, "/directconnect/changes?status=APPROVED&enterprise=" + bEnterprise);
        });
        cases.put("GET /directconnect/instructions", () -> {
            assertPageHasNo(headOfA, "/directconnect/instructions", bEnterprise, bAccount);
            assertSearchFindsNothing(headOfA, "/directconnect/instructions?enterprise=" + bEnterprise);
        });
        cases.put("GET /directconnect/instructions/export", () -> {
            assertExportHasNo(headOfA, "/directconnect/instructions/export", bEnterprise, bAccount);
            assertExportHasNo(
                    headOfA, "/directconnect/instructions/export?enterprise=" + bEnterprise, bAccount, "JSON:scope-");
        });
        cases.put(
                "GET /directconnect/instructions/{id}",
                () -> mvc.perform(get("/directconnect/instructions/" + bInstruction)
                                .session(headOfA))
                        .andExpect(status().isNotFound()));
        cases.put(
                "GET /directconnect/reconciliation",
                () -> assertPageHasNo(headOfA, "/directconnect/reconciliation", bEnterprise, bAccount));
        cases.put(
                "GET /directconnect/reconciliation/export",
                () -> assertExportHasNo(headOfA, "/directconnect/reconciliation/export", bEnterprise, bAccount));
        cases.put("GET /directconnect/treasury", () -> {
            String bureau = bBureau();
            assertPageHasNo(headOfA, "/directconnect/treasury", bureau, "乙支行预算单位");
            mvc.perform(get("/directconnect/treasury?enterprise=" + bureau).session(headOfA))
                    .andExpect(status().isNotFound());
        });
        cases.put(
                "GET /directconnect/treasury/export",
                () -> mvc.perform(get("/directconnect/treasury/export" + "?enterprise=" + bBureau())
                                .session(headOfA))
                        .andExpect(status().isNotFound()));
        cases.put("GET /appraisal/results", () -> {
            long run = appraisal().runId();
            assertPageHasNo(headOfA, "/appraisal/results?run=" + run, b.orgId(), b.name());
            String page = mvc.perform(get("/appraisal/results?run=" + run).session(headOfA))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains(a.orgId());
        });
        cases.put(
                "GET /appraisal/results/export",
                () -> assertExportHasNo(
                        headOfA,
                        "/appraisal/results/export?run=" + appraisal().runId(),
                        b.orgId(),
                        appraisal().staffOf().get(b.orgId()).get(0)));
        cases.put(
                "GET /appraisal/results/branches/{orgId}",
                () -> mvc.perform(get("/appraisal/results/branches/" + b.orgId() + "?run="
                                        + appraisal().runId())
                                .session(headOfA))
                        .andExpect(status().isNotFound()));
        cases.put("GET /appraisal/results/departments/{deptId}", () -> {
            long run = appraisal().runId();
            String dept = bank.uniqueId("D");
            ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("insert into appraisal_result_dept (run_id, dept_id, dept_name, org_path, headcount, score, "
                            + "rank_no) values (:r, :d, '隔离部室', '/', 0, 80, 1)")
                    .param("r", run)
                    .param("d", dept)
                    .update();
            mvc.perform(get("/appraisal/results/departments/" + dept + "?run=" + run)
                            .session(headOfA))
                    .andExpect(status().isNotFound());
            assertPageHasNo(headOfA, "/appraisal/results?run=" + run, dept, "隔离部室");
        });
        cases.put(
                "GET /appraisal/results/people/{staffId}",
                () -> mvc.perform(get("/appraisal/results/people/"
                                        + appraisal().staffOf().get(b.orgId()).get(0) + "?run="
                                        + appraisal().runId())
                                .session(headOfA))
                        .andExpect(status().isNotFound()));
        cases.put("GET /appraisal/results/accounts", () -> {
            mvc.perform(get("/appraisal/results/accounts?run=" + appraisal().runId() + "&item=loan_balance&staff="
                                    + appraisal().staffOf().get(b.orgId()).get(0))
                            .session(headOfA))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/appraisal/results/accounts?run=" + appraisal().runId() + "&item=loan_balance&org="
                                    + b.orgId())
                            .session(headOfA))
                    .andExpect(status().isNotFound());
        });
        cases.put("GET /appraisal/pools", () -> {
            appraisal();
            assertPageHasNo(headOfA, "/appraisal/pools", b.orgId(), b.name());
            departmentPool();
            assertPageHasNo(headOfA, "/appraisal/pools", "隔离部室奖金池");
        });
        cases.put("GET /appraisal/pools/{id}", () -> {
            mvc.perform(get("/appraisal/pools/" + appraisal().poolOf().get(b.orgId()))
                            .session(headOfA))
                    .andExpect(status().isNotFound());
            // a head-office department's pool: not a branch head's, whatever their scope
            mvc.perform(get("/appraisal/pools/" + departmentPool()).session(headOfA))
                    .andExpect(status().isNotFound());
        });
        cases.put("GET /appraisal/pools/{id}/export", () -> {
            mvc.perform(get("/appraisal/pools/" + appraisal().poolOf().get(b.orgId()) + "/export")
                            .session(headOfA))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/appraisal/pools/" + departmentPool() + "/export").session(headOfA))
                    .andExpect(status().isNotFound());
        });
        cases.put("GET /warehouse/orgs", () -> {
            seedOrgOverview();
            assertPageHasNo(adminOfA, "/warehouse/orgs?date=20250101", b.orgId());
            String page = mvc.perform(get("/warehouse/orgs?date=20250101").session(adminOfA))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains(a.orgId());
        });
        // the console reads the whole bank, failing rows of data tests may name any org: whole-bank pages, which a
        // branch administrator does not reach (RoleReachTest pins every such page)
        cases.put("GET /points", () -> assertPageHasNo(headOfA, "/points", pointsOfB()));
        cases.put("GET /points/export", () -> assertExportHasNo(headOfA, "/points/export", pointsOfB()));
        cases.put(
                "GET /points/customers/{custId}",
                () -> mvc.perform(get("/points/customers/" + pointsOfB()).session(headOfA))
                        .andExpect(status().isNotFound()));
        cases.put("GET /points/care", () -> {
            String grantee = pointsOfB();
            var db = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            db.sql(
                            "insert into pt_budget (budget_id, purpose, budget_name, points, account_no, status, maker, made_at) "
                                    + "values (:b, 'CUSTOMER_CARE', 'scope', 10, :a, 'APPROVED', 'test', current_timestamp) "
                                    + "on conflict do nothing")
                    .param("b", "SCOPE")
                    .param("a", "B-SCOPE")
                    .update();
            db.sql("insert into pt_grant (budget_id, cust_id, org_path, points, reason, status, maker, made_at) "
                            + "values ('SCOPE', :c, :p, 1, 'scope', 'PENDING', 'test', current_timestamp)")
                    .param("c", grantee)
                    .param("p", b.path())
                    .update();
            assertPageHasNo(headOfA, "/points/care", grantee);
        });
        cases.put("GET /points/finance", () -> {
            org.ruralbank.points.PointsFixture.customerWithPoints(ctx, bank.uniqueId("PF"), b, 4_321_987);
            assertPageHasNo(headOfA, "/points/finance?month=2025-06", "4321987");
            assertPageHasNo(headOfA, "/points/finance?month=2025-06", "4,321,987");
        });
        cases.put("GET /points/finance/export", () -> {
            org.ruralbank.points.PointsFixture.customerWithPoints(ctx, bank.uniqueId("PF"), b, 4_321_988);
            assertExportHasNo(headOfA, "/points/finance/export?month=2025-06", "4321988");
        });
        cases.put("GET /points/partners", () -> {
            pointsOfB();
            assertPageHasNo(headOfA, "/points/partners", bPartner);
        });
        cases.put(
                "GET /warehouse/sql",
                () -> mvc.perform(get("/warehouse/sql").session(adminOfA)).andExpect(status().isForbidden()));
        cases.put(
                "GET /data/tests",
                () -> mvc.perform(get("/data/tests").session(adminOfA)).andExpect(status().isForbidden()));
        return cases;
    }

    @Test
    void everyEndpointHasAScopeCase() {
        Set<String> uncovered = new TreeSet<>(Endpoints.of(ctx, false));
        uncovered.removeAll(cases().keySet());
        uncovered.removeAll(NOT_BANK_DATA.keySet());
        assertThat(uncovered)
                .as("GET endpoints without a scope test: add a case to ScopeIsolationTest")
                .isEmpty();
    }

    @Test
    void branchUserSeesNothingOfAnotherBranch() throws Exception {
        for (Map.Entry<String, ScopeCase> c : cases().entrySet()) {
            try {
                c.getValue().run();
            } catch (AssertionError e) {
                throw new AssertionError(c.getKey() + ": " + e.getMessage(), e);
            }
        }
    }

    @Test
    void ownBranchIsVisible() throws Exception {
        String aUser = bank.user(a, DataScope.ORG, Role.CM);
        String page = mvc.perform(get("/users").session(headOfA))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(aUser);
        mvc.perform(get("/users/" + bank.userId(aUser)).session(headOfA)).andExpect(status().isOk());
    }

    /** Rows of branch A and branch B in the org overview mart. */
    private void seedOrgOverview() {
        var engine = ctx.getBean(org.ruralbank.warehouse.Warehouse.class).engine();
        engine.execute("create schema if not exists mart");
        engine.execute("create table if not exists mart.org_daily (biz_date date, org_id varchar, org_name varchar, "
                + "org_level integer, org_path varchar, status varchar, deposit_balance decimal(18,2), "
                + "gl_deposit_balance decimal(18,2), loan_balance decimal(18,2), npl_balance decimal(18,2), "
                + "cards bigint, new_cards bigint, merchants bigint, devices bigint, device_fee_income decimal(18,2))");
        for (Org o : new Org[] {a, b}) {
            engine.execute(
                    "insert into mart.org_daily values (date '2025-01-01', ?, ?, 2, ?, 'A', 100.00, 100.00, "
                            + "0, 0, 1, 0, 0, 0, 0)",
                    java.util.List.of(o.orgId(), o.name(), o.path()));
        }
    }

    private void assertPageHasNo(MockHttpSession session, String url, String... forbidden) throws Exception {
        String page = mvc.perform(get(url).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (String f : forbidden) {
            assertThat(page).as(url).doesNotContain(f);
        }
    }

    /** A search for something of branch B (the search term itself is echoed in the form) finds no row. */
    private void assertSearchFindsNothing(MockHttpSession session, String url) throws Exception {
        String page = mvc.perform(get(url).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).as(url).contains("暂无数据").contains("共 0 条");
    }

    /** Every cell of a workbook, tab-separated. */
    private static String cells(byte[] xlsx) throws java.io.IOException {
        StringBuilder all = new StringBuilder();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (var sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        all.append(cell.toString()).append('\t');
                    }
                }
            }
        }
        return all.toString();
    }

    private void assertExportHasNo(MockHttpSession session, String url, String... forbidden) throws Exception {
        byte[] xlsx = mvc.perform(get(url).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        StringBuilder all = new StringBuilder();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (var sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        all.append(cell.toString()).append('\t');
                    }
                }
            }
        }
        assertThat(all).as(url).isNotEmpty();
        for (String f : forbidden) {
            assertThat(all.toString()).as(url).doesNotContain(f);
        }
    }

    @FunctionalInterface
    interface ScopeCase {
        void run() throws Exception;
    }
}
