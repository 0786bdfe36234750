package org.ruralbank.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.channels.TargetWorkbook;
import org.ruralbank.channels.TargetWorkbookTestSupport;
import org.ruralbank.directconnect.DirectConnectFixture;
import org.ruralbank.directconnect.Onboarding;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Grantor;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffUser;
import org.ruralbank.platform.StaffUsers;
import org.ruralbank.platform.UserChange;
import org.ruralbank.testing.Endpoints;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * For every state-changing endpoint, an actor of branch A cannot grant or reach more than they hold: posting
 * parameters that name branch B, the whole bank, a higher role or a user above them is refused (a 403, 404 or 400,
 * or the form's error) and changes nothing of the users, roles, orgs, proposals, onboarding or targets. A new
 * mutating endpoint without a case here (or a reason in {@link #NO_REACH}) fails
 * {@link #everyMutatingEndpointHasAReachCase()}.
 */
@OnPostgres
class GrantReachTest {

    /** Endpoints whose actor is not a staff user, with the reason and where their isolation is tested. */
    static final Map<String, String> NO_REACH = Map.ofEntries(
            Map.entry("POST /api/dc/v1/payments", ScopeIsolationTest.PARTNER),
            Map.entry("POST /api/dc/v1/payments/iso", ScopeIsolationTest.PARTNER),
            Map.entry("POST /api/dc/v1/pools/{poolId}/runs", ScopeIsolationTest.PARTNER),
            Map.entry("POST /api/dc/v1/treasury/quotas", ScopeIsolationTest.PARTNER),
            Map.entry("POST /api/dc/v1/treasury/payments", ScopeIsolationTest.PARTNER),
            Map.entry("POST /api/dc/v1/treasury/refunds", ScopeIsolationTest.PARTNER),
            Map.entry("POST /api/points/v1/quotes", ScopeIsolationTest.POINTS_PARTNER),
            Map.entry("POST /api/points/v1/points", ScopeIsolationTest.POINTS_PARTNER),
            Map.entry("POST /api/points/v1/holds", ScopeIsolationTest.POINTS_PARTNER),
            Map.entry("POST /api/points/v1/holds/{orderId}/confirm", ScopeIsolationTest.POINTS_PARTNER),
            Map.entry("POST /api/points/v1/holds/{orderId}/cancel", ScopeIsolationTest.POINTS_PARTNER),
            Map.entry("POST /api/points/v1/redemptions", ScopeIsolationTest.POINTS_PARTNER),
            Map.entry("POST /api/points/v1/orders/{orderId}/refund", ScopeIsolationTest.POINTS_PARTNER));

    /** What the cases must leave as it was: who holds what, where, and what waits for approval or applies. */
    static final List<String> STATE = List.of(
            "select user_id, username, org_id, data_scope, enabled, password_hash, must_change_password "
                    + "from staff_user order by user_id",
            "select user_id, role from staff_user_role order by user_id, role",
            "select org_id, org_path, status from org order by org_id",
            "select proposal_id, status, checker from staff_grant_proposal order by proposal_id",
            "select change_id, status, checker from dc_change order by change_id",
            "select enterprise_id, org_path, status, per_txn_limit_fen from dc_enterprise order by enterprise_id",
            "select org_id, target_year, indicator, quarter, target_value from channel_target "
                    + "order by org_id, target_year, indicator, quarter",
            "select curve_date, source, checker from ftp_curve order by curve_date",
            // claims and disputes decided, and approved totals: what the cases set up stays pending, open or zero
            "select claim_id, status, share, valid_to, checker from credit_claim "
                    + "where status in ('APPROVED', 'REJECTED', 'ENDED') order by claim_id",
            "select dispute_id, status, settled_by from credit_dispute where status = 'SETTLED' order by dispute_id",
            "select object_kind, object_id, valid_from, share_total from credit_span where share_total > 0 "
                    + "order by object_kind, object_id, valid_from",
            // the appraisal's schemes, budgets, entries, runs and pools: decided by the whole bank or the pool's branch
            "select scheme_year, name, branch_weight_pct, updated_by from appraisal_scheme order by scheme_year",
            "select budget_year, wage_total_fen, bonus_pct from appraisal_budget order by budget_year",
            "select entry_id, status, decided_by from appraisal_entry order by entry_id",
            "select run_id, period_key, version, status, published_by from appraisal_run order by run_id",
            "select pool_id, status, submitted_by, approved_by from appraisal_pool order by pool_id",
            "select pool_id, staff_id, amount_fen from appraisal_pool_line order by pool_id, staff_id",
            // the points rules, partners and one-time codes: kept by the whole bank, codes issued within scope
            "select rule_id, status, valid_to, checker from pt_rule order by rule_id",
            "select partner_id, org_path, left_on from pt_partner order by partner_id",
            // campaigns and budgets kept by the whole bank; households and grants within scope
            "select campaign_id, status, checker from pt_campaign order by campaign_id",
            "select cust_id, household_id from pt_household_member order by cust_id",
            "select budget_id, status, checker from pt_budget order by budget_id",
            "select grant_id, status, checker, transfer_id from pt_grant order by grant_id",
            "select count(*) from pt_code");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    StaffUsers users;

    @Autowired
    JdbcClient db;

    TestBank bank;
    Org a;
    Org b;
    String adminOfA;
    MockHttpSession asAdminOfA;
    MockHttpSession asEbankOfA;
    /** A whole-bank administrator who sits in branch A: above the branch administrator though within reach. */
    long wholeBankInA;

    long userOfA;
    long userOfB;
    String enterpriseOfB;
    long changeOfB;
    long pendingGrant;

    @BeforeEach
    void twoBranches() throws Exception {
        bank = new TestBank(ctx);
        a = bank.branch("甲授权支行");
        b = bank.branch("乙授权支行");
        adminOfA = bank.user(a, DataScope.ORG_AND_BELOW, Role.ADMIN);
        asAdminOfA = TestBank.login(mvc, adminOfA, TestBank.PASSWORD);
        asEbankOfA = TestBank.login(mvc, bank.user(a, DataScope.ORG_AND_BELOW, Role.EBANK), TestBank.PASSWORD);
        wholeBankInA = bank.userId(bank.user(a, DataScope.ALL, Role.ADMIN));
        String cmOfA = bank.user(a, DataScope.ORG, Role.CM);
        userOfA = bank.userId(cmOfA);
        userOfB = bank.userId(bank.user(b, DataScope.ORG, Role.CM));
        var dcB = new DirectConnectFixture(ctx, b);
        enterpriseOfB = dcB.enterprise("乙授权企业");
        changeOfB = ctx.getBean(Onboarding.class)
                .propose(
                        Onboarding.Kind.LIMIT.change(
                                Map.of("enterpriseId", enterpriseOfB, "perTxnLimit", "100.00", "dailyLimit", "200.00")),
                        dcB.maker);
        StaffUser cm = users.findByUsername(cmOfA).orElseThrow();
        pendingGrant = ((UserChange.Proposed) users.update(
                        cm.userId(), cm.displayName(), a.orgId(), cm.roles(), DataScope.ALL, true, Grantor.console()))
                .proposalId();
        headOfA = TestBank.login(mvc, bank.user(a, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD), TestBank.PASSWORD);
        perfOfA = TestBank.login(mvc, bank.user(a, DataScope.ORG_AND_BELOW, Role.PERF), TestBank.PASSWORD);
        poolOfB = poolOf(b);
        pendingRule = pendingRule();
        partnerOfB = partnerOfB();
        careOfB = careOfB();
        staffHoldingB = bank.uniqueId("SH");
        var store = ctx.getBean(org.ruralbank.appraisal.internal.JdbcClaims.class);
        String object = bank.uniqueId("OH");
        store.ensureObject(org.ruralbank.appraisal.CreditKind.LOAN, object, b.orgId(), b.path());
        store.insertClaim(
                org.ruralbank.appraisal.CreditKind.LOAN,
                object,
                b.path(),
                staffHoldingB,
                new java.math.BigDecimal("0.5"),
                java.time.LocalDate.of(2025, 1, 1),
                org.ruralbank.appraisal.Claim.OPEN_END,
                "APPROVED",
                "CLAIM",
                null,
                "cm.b",
                java.time.OffsetDateTime.now(),
                "head.b");
    }

    /** A points rule waiting for a second person, and an alliance merchant of branch B. */
    long pendingRule;

    String partnerOfB;

    /** A member of staff holding an approved claim of branch B. */
    String staffHoldingB;

    /** An open bonus pool of branch B, funded by a draft run of a far year that no other test uses. */
    long poolOfB;

    private long poolOf(Org org) {
        int year = 2199;
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        db.sql(
                        "insert into appraisal_scheme (scheme_year, name, branch_weight_pct, floor_share_pct, cap_share_pct,"
                                + " updated_by, updated_at) values (:y, 'reach', 60, 50, 200, 'test', :t) on conflict do nothing")
                .param("y", year)
                .param("t", now)
                .update();
        db.sql("insert into appraisal_budget (budget_year, wage_total_fen, bonus_pct, updated_by, updated_at)"
                        + " values (:y, 100000000, 10, 'test', :t) on conflict do nothing")
                .param("y", year)
                .param("t", now)
                .update();
        long run = db.sql("insert into appraisal_run (period_key, version, scheme_year, from_date, to_date,"
                        + " fingerprint, status, run_by, run_at) select '2199Q1', coalesce(max(version), 0) + 1, :y,"
                        + " date '2199-01-01', date '2199-03-31', 'reach', 'DRAFT', 'test', :t from appraisal_run"
                        + " where period_key = '2199Q1' returning run_id")
                .param("y", year)
                .param("t", now)
                .query(Long.class)
                .single();
        return db.sql(
                        "insert into appraisal_pool (run_id, budget_year, unit_kind, unit_id, org_id, org_path, amount_fen,"
                                + " floor_fen, cap_fen, status) values (:r, :y, 'BRANCH', :o, :o, :p, 100000, 0, 100000, 'OPEN')"
                                + " returning pool_id")
                .param("r", run)
                .param("y", year)
                .param("o", org.orgId())
                .param("p", org.path())
                .query(Long.class)
                .single();
    }

    /** A rule proposed by a whole-bank user, waiting for a second person. */
    private long pendingRule() {
        var maker = bank.principal(bank.user(bank.headOffice(), DataScope.ALL, Role.EBANK));
        String code = "REACH_" + Math.abs(bank.uniqueId("r").hashCode());
        var o = ctx.getBean(org.ruralbank.points.EarningRules.class)
                .propose(
                        Map.of(
                                "code",
                                code,
                                "kind",
                                "PAYROLL",
                                "unit",
                                "100.00",
                                "points",
                                "1",
                                "validFrom",
                                "2099-01-01"),
                        maker);
        return ((org.ruralbank.points.EarningRules.Outcome.Proposed) o).ruleId();
    }

    /** A customer of B in a household, a pending campaign, a pending budget, a pending grant to the customer. */
    String[] careOfB;

    private String[] careOfB() {
        var maker = bank.principal(bank.user(bank.headOffice(), DataScope.ALL, Role.EBANK));
        String cust = bank.uniqueId("PH");
        String spouse = bank.uniqueId("PH");
        org.ruralbank.points.PointsFixture.customerWithPoints(ctx, cust, b, 5);
        org.ruralbank.points.PointsFixture.customerWithPoints(ctx, spouse, b, 5);
        ctx.getBean(org.ruralbank.points.Households.class).join(cust, spouse, maker);
        String code = "REACH_C" + Math.abs(bank.uniqueId("c").hashCode());
        var campaign = (org.ruralbank.points.Campaigns.Outcome.Done) ctx.getBean(org.ruralbank.points.Campaigns.class)
                .propose(
                        Map.of(
                                "code",
                                code,
                                "name",
                                "活动",
                                "multiplierPct",
                                "150",
                                "validFrom",
                                "2099-01-01",
                                "validTo",
                                "2099-01-31"),
                        maker);
        var care = ctx.getBean(org.ruralbank.points.CareGrants.class);
        String pending = "RP" + Math.abs(bank.uniqueId("b").hashCode());
        care.proposeBudget(
                Map.of("budgetId", pending, "purpose", "CUSTOMER_CARE", "name", "待批", "points", "100"), maker);
        String funded = "RF" + Math.abs(bank.uniqueId("b").hashCode());
        care.proposeBudget(
                Map.of("budgetId", funded, "purpose", "CUSTOMER_CARE", "name", "已批", "points", "100"), maker);
        care.decideBudget(funded, true, bank.firstAdministrator(), java.time.LocalDate.of(2025, 7, 1));
        var grant = (org.ruralbank.points.CareGrants.Decision.Done)
                care.proposeGrant(Map.of("budgetId", funded, "custId", cust, "points", "10", "reason", "关怀"), maker);
        return new String[] {cust, String.valueOf(campaign.campaignId()), pending, grant.id()};
    }

    /** An alliance merchant of branch B. */
    private String partnerOfB() {
        String id = bank.uniqueId("PB").toUpperCase().replaceAll("[^A-Z0-9]", "");
        org.ruralbank.points.PointsFixture.partner(ctx, id, "MERCHANT", b);
        return id;
    }

    /** A branch head and a performance officer of branch A, whose scope is the branch. */
    MockHttpSession headOfA;

    MockHttpSession perfOfA;

    /** One case per mutating endpoint: every way the actor could name more than they hold, each refused. */
    Map<String, ReachCase> cases() {
        Map<String, ReachCase> cases = new LinkedHashMap<>();
        long self = bank.userId(adminOfA);
        cases.put("POST /users", () -> {
            createUser("ALL", a.orgId(), "CM").andExpect(status().isForbidden());
            createUser("ORG", a.orgId(), "AUDITOR").andExpect(status().isForbidden());
            createUser("ORG", a.orgId(), "CM", "ADMIN", "AUDITOR").andExpect(status().isBadRequest());
            createUser("ORG", b.orgId(), "CM").andExpect(status().isBadRequest());
            createUser("ORG_AND_BELOW", bank.headOffice().orgId(), "CM").andExpect(status().isBadRequest());
        });
        cases.put("POST /users/{id}", () -> {
            updateUser(self, a.orgId(), "ALL", "ADMIN").andExpect(status().isForbidden());
            updateUser(self, a.orgId(), "ORG_AND_BELOW", "ADMIN", "AUTHORIZER").andExpect(status().isForbidden());
            updateUser(self, bank.headOffice().orgId(), "ORG_AND_BELOW", "ADMIN")
                    .andExpect(status().isBadRequest());
            updateUser(userOfA, a.orgId(), "ALL", "CM").andExpect(status().isForbidden());
            updateUser(userOfA, a.orgId(), "ORG", "AUDITOR").andExpect(status().isForbidden());
            updateUser(userOfA, b.orgId(), "ORG", "CM").andExpect(status().isBadRequest());
            updateUser(userOfB, b.orgId(), "ORG", "CM").andExpect(status().isNotFound());
            updateUser(wholeBankInA, a.orgId(), "ORG", "CM").andExpect(status().isForbidden());
        });
        cases.put("POST /users/{id}/reset-password", () -> {
            mvc.perform(post("/users/" + wholeBankInA + "/reset-password")
                            .session(asAdminOfA)
                            .with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/users/" + bank.userId("admin") + "/reset-password")
                            .session(asAdminOfA)
                            .with(csrf()))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/users/" + userOfB + "/reset-password")
                            .session(asAdminOfA)
                            .with(csrf()))
                    .andExpect(status().isNotFound());
        });
        cases.put("POST /users/{id}/unlock", () -> {
            mvc.perform(post("/users/" + wholeBankInA + "/unlock")
                            .session(asAdminOfA)
                            .with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/users/" + userOfB + "/unlock")
                            .session(asAdminOfA)
                            .with(csrf()))
                    .andExpect(status().isNotFound());
        });
        cases.put(
                "POST /users/proposals/{id}/approve",
                () -> mvc.perform(post("/users/proposals/" + pendingGrant + "/approve")
                                .session(asAdminOfA)
                                .with(csrf()))
                        .andExpect(status().isForbidden()));
        cases.put(
                "POST /users/proposals/{id}/reject",
                () -> mvc.perform(post("/users/proposals/" + pendingGrant + "/reject")
                                .session(asAdminOfA)
                                .with(csrf()))
                        .andExpect(status().isNotFound()));
        cases.put("POST /orgs", () -> {
            String page = mvc.perform(post("/orgs")
                            .session(asAdminOfA)
                            .with(csrf())
                            .param("orgId", bank.uniqueId("S"))
                            .param("name", "乙的分理处")
                            .param("parentOrgId", b.orgId()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("data-field=\"parentOrgId\"");
            page = mvc.perform(post("/orgs")
                            .session(asAdminOfA)
                            .with(csrf())
                            .param("orgId", bank.uniqueId("H"))
                            .param("name", "第二个总行"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("data-field=\"parentOrgId\"");
        });
        // the head office's departments are the whole bank's: a branch's administrator is refused
        for (String departments : List.of("/orgs/departments", "/orgs/departments/members")) {
            cases.put(
                    "POST " + departments,
                    () -> mvc.perform(post(departments)
                                    .session(asAdminOfA)
                                    .with(csrf())
                                    .param("deptId", "GRANTDEPT")
                                    .param("name", "越权部室")
                                    .param("orgId", a.orgId())
                                    .param("staffId", "S1"))
                            .andExpect(status().isForbidden()));
        }
        cases.put("POST /directconnect/changes", () -> {
            mvc.perform(post("/directconnect/changes")
                            .session(asEbankOfA)
                            .with(csrf())
                            .param("kind", "ENTERPRISE")
                            .param("enterpriseId", bank.uniqueId("E"))
                            .param("name", "乙的企业")
                            .param("orgId", b.orgId()))
                    .andExpect(r -> assertThat(r.getFlashMap().get("error")).isNotNull());
            mvc.perform(post("/directconnect/changes")
                            .session(asEbankOfA)
                            .with(csrf())
                            .param("kind", "LIMIT")
                            .param("enterpriseId", enterpriseOfB)
                            .param("perTxnLimit", "1.00")
                            .param("dailyLimit", "2.00"))
                    .andExpect(status().isNotFound());
        });
        cases.put(
                "POST /directconnect/changes/{id}/approve",
                () -> mvc.perform(post("/directconnect/changes/" + changeOfB + "/approve")
                                .session(asEbankOfA)
                                .with(csrf()))
                        .andExpect(status().isNotFound()));
        cases.put(
                "POST /directconnect/changes/{id}/reject",
                () -> mvc.perform(post("/directconnect/changes/" + changeOfB + "/reject")
                                .session(asEbankOfA)
                                .with(csrf()))
                        .andExpect(status().isNotFound()));
        cases.put("POST /password", () -> {
            // the form changes the signed-in user's own password only: naming someone else changes nothing
            String page = mvc.perform(post("/password")
                            .session(asAdminOfA)
                            .with(csrf())
                            .param("username", "admin")
                            .param("current", "not-mine")
                            .param("next", "Taken-0ver-Passw0rd")
                            .param("repeat", "Taken-0ver-Passw0rd"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("data-field=\"current\"");
        });
        cases.put("POST /channels/targets/upload", () -> {
            byte[] workbook =
                    TargetWorkbookTestSupport.filled(2031, List.of(new TargetWorkbook.Branch(b.orgId(), b.name())));
            String page = mvc.perform(multipart("/channels/targets/upload")
                            .file(new MockMultipartFile("file", "t.xlsx", null, workbook))
                            .param("year", "2031")
                            .session(asAdminOfA)
                            .with(csrf()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains(b.orgId());
        });
        cases.put("POST /crm/handovers", () -> {
            java.time.LocalDate day = java.time.LocalDate.of(2025, 5, 23);
            String x = b.orgId();
            new org.ruralbank.crm.PortfolioFixture(ctx, day)
                    .orgs(bank.headOffice(), b)
                    .staff("W" + x, b, "A")
                    .staff("Y" + x, b, "A")
                    .customer("K" + x, "乙行客户", b)
                    .loan("LK" + x, "K" + x, b, "W" + x)
                    .build();
            String page = mvc.perform(post("/crm/handovers")
                            .session(headOfA())
                            .with(csrf())
                            .param("fromStaff", "W" + x)
                            .param("effective", day.toString())
                            .param("toStaff1", "Y" + x)
                            .param("toShare1", "100"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("data-field=\"fromStaff\"");
            assertThat(ctx.getBean(org.ruralbank.crm.HandOvers.class)
                            .list(org.ruralbank.platform.OrgScope.everything()))
                    .noneMatch(h -> h.fromStaff().equals("W" + x));
        });
        cases.put("POST /crm/handovers/{id}/approve", () -> {
            long id = handOverOfB();
            mvc.perform(post("/crm/handovers/" + id + "/approve")
                            .session(headOfA())
                            .with(csrf()))
                    .andExpect(status().isNotFound());
            assertThat(pendingHandOver(id)).isTrue();
        });
        cases.put("POST /crm/handovers/{id}/reject", () -> {
            long id = handOverOfB();
            mvc.perform(post("/crm/handovers/" + id + "/reject")
                            .session(headOfA())
                            .with(csrf()))
                    .andExpect(status().isNotFound());
            assertThat(pendingHandOver(id)).isTrue();
        });
        cases.put("POST /crm/lists/tasks", () -> {
            java.time.LocalDate day = java.time.LocalDate.of(2025, 5, 25);
            String x = b.orgId();
            new org.ruralbank.crm.PortfolioFixture(ctx, day)
                    .orgs(bank.headOffice(), b)
                    .customer("M" + x, "乙行磁条客户", b)
                    .magneticCard("623000" + x, "M" + x, b)
                    .build();
            String page = mvc.perform(post("/crm/lists/tasks")
                            .session(headOfA())
                            .with(csrf())
                            .param("list", "MAGNETIC_CARD")
                            .param("date", day.toString()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("data-field=\"list\"").doesNotContain("M" + x);
            assertThat(ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                            .sql("select count(*) from crm_task where cust_id = :c")
                            .param("c", "M" + x)
                            .query(Long.class)
                            .single())
                    .isZero();
        });
        cases.put("POST /crm/customers/{id}/unmask", () -> {
            org.ruralbank.testing.TestBank.Rows.seed(
                    ctx.getBean(org.ruralbank.warehouse.Warehouse.class),
                    java.time.LocalDate.of(2025, 6, 30),
                    List.<String[]>of(new String[] {b.orgId(), b.path()}));
            mvc.perform(post("/crm/customers/C" + b.orgId() + "/unmask")
                            .session(headOfA())
                            .with(csrf())
                            .param("date", "2025-06-30")
                            .param("reason", "核实客户身份"))
                    .andExpect(status().isNotFound());
        });
        cases.put("POST /crm/customers/{id}/household", () -> {
            org.ruralbank.testing.TestBank.Rows.seedHousehold(
                    ctx.getBean(org.ruralbank.warehouse.Warehouse.class), java.time.LocalDate.of(2025, 6, 30), b);
            mvc.perform(post("/crm/customers/C" + b.orgId() + "/household")
                            .session(headOfA())
                            .with(csrf())
                            .param("decision", "CONFIRM")
                            .param("members", "C" + b.orgId() + ",H" + b.orgId()))
                    .andExpect(status().isNotFound());
        });
        cases.put("POST /crm/customers/{id}/contacts", () -> {
            org.ruralbank.testing.TestBank.Rows.seed(
                    ctx.getBean(org.ruralbank.warehouse.Warehouse.class),
                    java.time.LocalDate.of(2025, 6, 30),
                    List.<String[]>of(new String[] {b.orgId(), b.path()}));
            mvc.perform(post("/crm/customers/C" + b.orgId() + "/contacts")
                            .session(headOfA())
                            .with(csrf())
                            .param("entryKey", java.util.UUID.randomUUID().toString())
                            .param("contactDate", "2025-06-30")
                            .param("channel", "PHONE")
                            .param("outcome", "REACHED"))
                    .andExpect(status().isNotFound());
        });
        cases.put("POST /appraisal/claims", () -> {
            org.ruralbank.testing.TestBank.Rows.seed(
                    ctx.getBean(org.ruralbank.warehouse.Warehouse.class),
                    java.time.LocalDate.of(2025, 6, 30),
                    List.<String[]>of(new String[] {b.orgId(), b.path()}));
            String page = mvc.perform(post("/appraisal/claims")
                            .session(headOfA())
                            .with(csrf())
                            .param("kind", "DEPOSIT")
                            .param("objectId", "A" + b.orgId())
                            .param("staffId", "S1")
                            .param("share", "100")
                            .param("validFrom", "2025-01-01"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("data-field=\"objectId\"");
        });
        cases.put("POST /appraisal/claims/{id}/approve", () -> {
            String page = mvc.perform(post("/appraisal/claims/" + claimOfB() + "/approve")
                            .session(headOfA())
                            .with(csrf()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("alert-danger");
        });
        cases.put(
                "POST /appraisal/claims/{id}/reject",
                () -> mvc.perform(post("/appraisal/claims/" + claimOfB() + "/reject")
                                .session(headOfA())
                                .with(csrf()))
                        .andExpect(status().isOk()));
        cases.put("POST /appraisal/claims/handover", () -> {
            // the head of A cannot hand over credit held in branch B
            String page = mvc.perform(post("/appraisal/claims/handover")
                            .session(headOfA())
                            .with(csrf())
                            .param("fromStaff", staffHoldingB)
                            .param("effective", "2025-06-30")
                            .param("toStaff1", "S1")
                            .param("toShare1", "100"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("data-field=\"fromStaff\"");
        });
        cases.put("POST /appraisal/disputes/{id}/settle", () -> {
            var store = ctx.getBean(org.ruralbank.appraisal.internal.JdbcClaims.class);
            long claim = claimOfB();
            var c = store.claim(claim).orElseThrow();
            long dispute = store.openDispute(c.objectKind(), c.objectId(), b.path(), java.time.OffsetDateTime.now());
            store.joinDispute(dispute, c.objectKind(), c.objectId(), c.validFrom(), c.validTo(), claim);
            mvc.perform(post("/appraisal/disputes/" + dispute + "/settle")
                            .session(headOfA())
                            .with(csrf())
                            .param("share_" + claim, "100")
                            .param("effective", "2025-01-01"))
                    .andExpect(status().isNotFound());
        });
        cases.put("POST /appraisal/ftp/propose", () -> {
            // a branch's performance officer may propose a curve, but it applies to nobody until a whole-bank checker
            // approves it
            var form = post("/appraisal/ftp/propose")
                    .session(perfOfA())
                    .with(csrf())
                    .param(
                            "curveDate",
                            java.time.LocalDate.of(2200, 1, 1)
                                    .plusDays(bank.uniqueId("d").hashCode() & 0xffff)
                                    .toString());
            for (String t : org.ruralbank.appraisal.FtpCurves.TERMS.keySet()) {
                form = form.param(t, "0.02");
            }
            mvc.perform(form).andExpect(status().is3xxRedirection());
        });
        cases.put("POST /appraisal/ftp/import", () -> {
            // the curves price the whole bank: a branch's performance officer may not import them
            String page = mvc.perform(multipart("/appraisal/ftp/import")
                            .file(TestBank.curveUpload("2300-01-01"))
                            .session(perfOfA())
                            .with(csrf()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("data-field=\"file\"");
            assertThat(ctx.getBean(org.ruralbank.appraisal.FtpCurves.class).curves())
                    .noneMatch(c -> c.curveDate().getYear() == 2300);
        });
        cases.put("POST /appraisal/ftp/proposals/{id}/approve", () -> {
            String page = mvc.perform(post("/appraisal/ftp/proposals/" + curveProposal() + "/approve")
                            .session(perfOfA())
                            .with(csrf()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("data-field=\"proposal\"");
        });
        cases.put(
                "POST /appraisal/ftp/proposals/{id}/reject",
                () -> mvc.perform(post("/appraisal/ftp/proposals/" + curveProposal() + "/reject")
                                .session(perfOfA())
                                .with(csrf()))
                        .andExpect(status().isOk()));
        // the performance office's decisions are the whole bank's: a branch's performance officer is refused
        for (String office : List.of(
                "/appraisal/office/budget",
                "/appraisal/office/entries",
                "/appraisal/office/entries/{id}/approve",
                "/appraisal/office/entries/{id}/reject",
                "/appraisal/office/pools/{id}/approve",
                "/appraisal/office/pools/{id}/return",
                "/appraisal/office/runs",
                "/appraisal/office/runs/{id}/publish",
                "/appraisal/office/runs/{id}/republish",
                "/appraisal/office/schemes")) {
            cases.put(
                    "POST " + office,
                    () -> mvc.perform(post(office.replace("{id}", String.valueOf(poolOfB)))
                                    .session(perfOfA())
                                    .with(csrf())
                                    .param("year", "2199")
                                    .param("period", "2199Q1"))
                            .andExpect(status().isForbidden()));
        }
        // a branch head distributes and submits their own branch's pool, never another's
        cases.put(
                "POST /appraisal/pools/{id}",
                () -> mvc.perform(post("/appraisal/pools/" + poolOfB)
                                .session(headOfA())
                                .with(csrf())
                                .param("staffId", "S1")
                                .param("amount", "1000.00")
                                .param("reason", "reach"))
                        .andExpect(status().isNotFound()));
        cases.put(
                "POST /appraisal/pools/{id}/submit",
                () -> mvc.perform(post("/appraisal/pools/" + poolOfB + "/submit")
                                .session(headOfA())
                                .with(csrf()))
                        .andExpect(status().isNotFound()));
        cases.put(
                "POST /data/load",
                () -> mvc.perform(post("/data/load").session(asAdminOfA).with(csrf()))
                        .andExpect(status().isForbidden()));
        cases.put(
                "POST /data/pause",
                () -> mvc.perform(post("/data/pause").session(asAdminOfA).with(csrf()))
                        .andExpect(status().isForbidden()));
        cases.put(
                "POST /data/resume",
                () -> mvc.perform(post("/data/resume").session(asAdminOfA).with(csrf()))
                        .andExpect(status().isForbidden()));
        cases.put(
                "POST /warehouse/sql",
                () -> mvc.perform(post("/warehouse/sql")
                                .session(asAdminOfA)
                                .with(csrf())
                                .param("query", "select 1"))
                        .andExpect(status().isForbidden()));
        cases.put(
                "POST /warehouse/sql/export",
                () -> mvc.perform(post("/warehouse/sql/export")
                                .session(asAdminOfA)
                                .with(csrf())
                                .param("query", "select 1"))
                        .andExpect(status().isForbidden()));
        cases.put("POST /points/rules", () -> {
            String page = mvc.perform(post("/points/rules")
                            .session(asEbankOfA)
                            .with(csrf())
                            .param("code", "REACH_RULE")
                            .param("kind", "POS_SPEND")
                            .param("unit", "1.00")
                            .param("points", "1")
                            .param("validFrom", "2099-01-01"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("data-field=\"code\"");
        });
        cases.put(
                "POST /points/rules/{id}/approve",
                () -> mvc.perform(post("/points/rules/" + pendingRule + "/approve")
                                .session(asAdminOfA)
                                .with(csrf()))
                        .andExpect(status().isOk()));
        cases.put(
                "POST /points/rules/{id}/reject",
                () -> mvc.perform(post("/points/rules/" + pendingRule + "/reject")
                                .session(asAdminOfA)
                                .with(csrf()))
                        .andExpect(status().isOk()));
        cases.put("POST /points/customers/{custId}/codes", () -> {
            String cust = bank.uniqueId("PB");
            org.ruralbank.points.PointsFixture.customerWithPoints(ctx, cust, b, 5);
            mvc.perform(post("/points/customers/" + cust + "/codes")
                            .session(asAdminOfA)
                            .with(csrf())
                            .param("card", "0"))
                    .andExpect(status().isNotFound());
        });
        cases.put("POST /points/partners", () -> {
            String page = mvc.perform(post("/points/partners")
                            .session(asEbankOfA)
                            .with(csrf())
                            .param("partnerId", "REACHB")
                            .param("kind", "ONLINE")
                            .param("name", "乙电商")
                            .param("orgId", b.orgId())
                            .param("pointsPerYuan", "100")
                            .param("algorithm", "ECDSA_P256_SHA256")
                            .param("publicKey", org.ruralbank.points.PointsFixture.publicKey())
                            .param("joinedOn", "2025-01-01"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("data-field=\"orgId\"");
        });
        cases.put("POST /points/campaigns", () -> {
            String page = mvc.perform(post("/points/campaigns")
                            .session(asEbankOfA)
                            .with(csrf())
                            .param("code", "REACH_CAMPAIGN")
                            .param("name", "活动")
                            .param("multiplierPct", "150")
                            .param("validFrom", "2099-01-01")
                            .param("validTo", "2099-01-31"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("data-field=\"code\"");
        });
        cases.put(
                "POST /points/campaigns/{id}/decide",
                () -> mvc.perform(post("/points/campaigns/" + careOfB[1] + "/decide")
                                .session(asAdminOfA)
                                .with(csrf())
                                .param("approve", "true"))
                        .andExpect(status().isOk()));
        cases.put(
                "POST /points/customers/{custId}/household",
                () -> mvc.perform(post("/points/customers/" + careOfB[0] + "/household")
                                .session(asAdminOfA)
                                .with(csrf())
                                .param("withCustId", careOfB[0]))
                        .andExpect(status().isNotFound()));
        cases.put(
                "POST /points/customers/{custId}/household/leave",
                () -> mvc.perform(post("/points/customers/" + careOfB[0] + "/household/leave")
                                .session(asAdminOfA)
                                .with(csrf()))
                        .andExpect(status().isNotFound()));
        cases.put("POST /points/budgets", () -> {
            String page = mvc.perform(post("/points/budgets")
                            .session(asEbankOfA)
                            .with(csrf())
                            .param("budgetId", "REACHB")
                            .param("purpose", "CUSTOMER_CARE")
                            .param("name", "预算")
                            .param("points", "100"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("data-field=\"budgetId\"");
        });
        cases.put(
                "POST /points/budgets/{id}/decide",
                () -> mvc.perform(post("/points/budgets/" + careOfB[2] + "/decide")
                                .session(asAdminOfA)
                                .with(csrf())
                                .param("approve", "true"))
                        .andExpect(status().isOk()));
        cases.put("POST /points/grants", () -> {
            String page = mvc.perform(post("/points/grants")
                            .session(asAdminOfA)
                            .with(csrf())
                            .param("budgetId", "NONE")
                            .param("custId", careOfB[0])
                            .param("points", "10")
                            .param("reason", "关怀"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("data-field=\"custId\"");
        });
        cases.put(
                "POST /points/grants/{id}/decide",
                () -> mvc.perform(post("/points/grants/" + careOfB[3] + "/decide")
                                .session(asAdminOfA)
                                .with(csrf())
                                .param("approve", "true"))
                        .andExpect(status().isNotFound()));
        cases.put(
                "POST /points/partners/{id}/leave",
                () -> mvc.perform(post("/points/partners/" + partnerOfB + "/leave")
                                .session(asAdminOfA)
                                .with(csrf()))
                        .andExpect(status().isNotFound()));
        return cases;
    }

    /** A pending hand-over of branch B's manager, as the store keeps it (one, however many cases ask); its id. */
    private long handOverOfB() {
        var db = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        String staff = "SM" + b.orgId();
        db.sql("insert into crm_handover (from_staff, org_path, effective_date, status, customers, proposed_by, "
                        + "proposed_at, pending_from) values (:s, :path, date '2025-07-01', 'PENDING', 1, 'b', "
                        + "current_timestamp, :s) on conflict do nothing")
                .param("s", staff)
                .param("path", b.path())
                .update();
        return db.sql("select handover_id from crm_handover where pending_from = :s")
                .param("s", staff)
                .query(Long.class)
                .single();
    }

    private boolean pendingHandOver(long id) {
        return ctx.getBean(org.ruralbank.crm.HandOvers.class)
                        .find(id, org.ruralbank.platform.OrgScope.everything())
                        .status()
                == org.ruralbank.crm.HandOvers.Status.PENDING;
    }

    private MockHttpSession headOfA() {
        return headOfA;
    }

    private MockHttpSession perfOfA() {
        return perfOfA;
    }

    /** A pending claim on an object of branch B. */
    private long claimOfB() {
        var store = ctx.getBean(org.ruralbank.appraisal.internal.JdbcClaims.class);
        String object = bank.uniqueId("OB");
        store.ensureObject(org.ruralbank.appraisal.CreditKind.LOAN, object, b.orgId(), b.path());
        return store.insertClaim(
                org.ruralbank.appraisal.CreditKind.LOAN,
                object,
                b.path(),
                "S1",
                new java.math.BigDecimal("0.5"),
                java.time.LocalDate.of(2025, 1, 1),
                org.ruralbank.appraisal.Claim.OPEN_END,
                "PENDING",
                "CLAIM",
                null,
                "cm.b",
                java.time.OffsetDateTime.now(),
                null);
    }

    /** A curve proposed by someone else, waiting for a whole-bank checker. */
    private long curveProposal() {
        var maker = new org.ruralbank.platform.StaffPrincipal(
                1, bank.uniqueId("maker"), "录入", a.orgId(), a.path(), null, java.util.Set.of(Role.PERF), DataScope.ALL);
        Map<String, String> rates = new java.util.HashMap<>();
        org.ruralbank.appraisal.FtpCurves.TERMS.keySet().forEach(t -> rates.put(t, "0.02"));
        var curves = ctx.getBean(org.ruralbank.appraisal.FtpCurves.class);
        var date =
                java.time.LocalDate.of(2300, 1, 1).plusDays(bank.uniqueId("p").hashCode() & 0xffff);
        return ((org.ruralbank.appraisal.FtpCurves.Outcome.Saved) curves.propose(date, rates, maker)).proposalId();
    }

    @Test
    void everyMutatingEndpointHasAReachCase() {
        Set<String> uncovered = new TreeSet<>(Endpoints.of(ctx, true));
        uncovered.removeAll(cases().keySet());
        uncovered.removeAll(NO_REACH.keySet());
        assertThat(uncovered)
                .as("mutating endpoints without a reach case: add one to GrantReachTest")
                .isEmpty();
    }

    @Test
    void noMutatingEndpointGrantsOrReachesMoreThanTheActorHolds() throws Exception {
        for (Map.Entry<String, ReachCase> c : cases().entrySet()) {
            String before = state();
            c.getValue().run();
            assertThat(state()).as(c.getKey() + " changed nothing").isEqualTo(before);
        }
    }

    private String state() {
        StringBuilder all = new StringBuilder();
        for (String sql : STATE) {
            all.append(sql)
                    .append('\n')
                    .append(db.sql(sql).query().listOfRows())
                    .append('\n');
        }
        return all.toString();
    }

    private ResultActions createUser(String scope, String orgId, String... roles) throws Exception {
        return mvc.perform(post("/users")
                .session(asAdminOfA)
                .with(csrf())
                .param("username", bank.uniqueId("r").toLowerCase())
                .param("displayName", "越权")
                .param("orgId", orgId)
                .param("roles", roles)
                .param("dataScope", scope));
    }

    private ResultActions updateUser(long id, String orgId, String scope, String... roles) throws Exception {
        return mvc.perform(post("/users/" + id)
                .session(asAdminOfA)
                .with(csrf())
                .param("displayName", "越权")
                .param("orgId", orgId)
                .param("roles", roles)
                .param("dataScope", scope)
                .param("enabled", "true"));
    }

    @FunctionalInterface
    interface ReachCase {
        void run() throws Exception;
    }
}
