package org.ruralbank.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.AuditEvents;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffUsers;
import org.ruralbank.testing.Endpoints;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every state-changing endpoint leaves an audit entry naming who did what to which target. A new mutating endpoint
 * without a case here fails {@link #everyMutatingEndpointHasAnAuditCase()}.
 */
@OnPostgres
class AuditTrailTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    AuditEvents audit;

    @Autowired
    StaffUsers users;

    TestBank bank;
    Org branch;
    String admin;
    MockHttpSession session;

    @BeforeEach
    void signIn() throws Exception {
        bank = new TestBank(ctx);
        branch = bank.branch("审计支行");
        admin = bank.user(branch, DataScope.ORG_AND_BELOW, Role.ADMIN);
        session = TestBank.login(mvc, admin, TestBank.PASSWORD);
    }

    /** A whole-bank performance officer and the head of the audit branch, signed in. */
    private MockHttpSession perf() throws Exception {
        return TestBank.login(mvc, bank.user(bank.headOffice(), DataScope.ALL, Role.PERF), TestBank.PASSWORD);
    }

    /** An administrator of the whole bank, signed in (departments are kept by the whole bank's). */
    private MockHttpSession wholeBankAdmin() throws Exception {
        return TestBank.login(mvc, bank.user(openHeadOffice(), DataScope.ALL, Role.ADMIN), TestBank.PASSWORD);
    }

    private Org openHeadOffice() {
        return ctx.getBean(org.ruralbank.platform.Orgs.class).list(OrgScope.everything()).stream()
                .filter(o -> o.level() == Org.HEAD_OFFICE && o.open())
                .findFirst()
                .orElseThrow();
    }

    private MockHttpSession headOfBranch() throws Exception {
        return TestBank.login(mvc, bank.user(branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD), TestBank.PASSWORD);
    }

    /** How many hand-overs {@link #proposedHandOver} proposed: each is of another manager and customer. */
    private int handOvers;

    /**
     * A leaving manager of the audit branch with a customer credited to them, and their hand-over to a colleague
     * proposed by {@code by}: the hand-over's page.
     */
    private String proposedHandOver(MockHttpSession by) throws Exception {
        java.time.LocalDate day = java.time.LocalDate.of(2025, 5, 22);
        String x = ++handOvers + branch.orgId();
        new org.ruralbank.crm.PortfolioFixture(ctx, day)
                .orgs(bank.headOffice(), branch)
                .staff("W" + x, branch, "A")
                .staff("Y" + x, branch, "A")
                .customer("K" + x, "审计客户", branch)
                .loan("LK" + x, "K" + x, branch, "W" + x)
                .build();
        return mvc.perform(post("/crm/handovers")
                        .session(by)
                        .with(csrf())
                        .param("fromStaff", "W" + x)
                        .param("effective", day.toString())
                        .param("toStaff1", "Y" + x)
                        .param("toShare1", "100"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }

    private org.ruralbank.appraisal.Pools appraisalPools() {
        return ctx.getBean(org.ruralbank.appraisal.Pools.class);
    }

    /** A pool of the audit branch with a saved distribution of its two people. */
    private long distributedPool() {
        var w = org.ruralbank.appraisal.AppraisalRows.publishedRun(ctx, java.util.List.of(branch));
        long pool = w.poolOf().get(branch.orgId());
        appraisalPools()
                .distribute(
                        pool,
                        java.util.List.of(
                                new org.ruralbank.appraisal.Pools.LineInput(
                                        w.staffOf().get(branch.orgId()).get(0), "6.00", "多劳多得"),
                                new org.ruralbank.appraisal.Pools.LineInput(
                                        w.staffOf().get(branch.orgId()).get(1), "4.00", "按得分")),
                        OrgScope.everything());
        return pool;
    }

    /** One case per mutating endpoint: performs it and returns the audit action and target id it must leave. */
    Map<String, AuditCase> cases() {
        Map<String, AuditCase> cases = new LinkedHashMap<>();
        cases.put("POST /appraisal/office/schemes", () -> {
            int year = 2030 + Math.abs(bank.uniqueId("y").hashCode() % 60);
            var form = post("/appraisal/office/schemes")
                    .session(perf())
                    .with(csrf())
                    .param("year", "" + year)
                    .param("name", "审计方案")
                    .param("branchWeightPct", "60")
                    .param("floorSharePct", "50")
                    .param("capSharePct", "200");
            for (String[] i :
                    new String[][] {{"loan_balance", "QUANT", "FINANCE", "70"}, {"合规", "QUAL", "CONTROL", "30"}}) {
                form.param("code", i[0])
                        .param("kind", i[1])
                        .param("perspective", i[2])
                        .param("weight", i[3])
                        .param("threshold", "0")
                        .param("floor", "0")
                        .param("cap", "120")
                        .param("base", "")
                        .param("urban", "1")
                        .param("suburban", "1")
                        .param("rural", "1");
            }
            mvc.perform(form).andExpect(status().is3xxRedirection());
            return new String[] {"appraisal.scheme.save", "" + year};
        });
        cases.put("POST /appraisal/office/budget", () -> {
            mvc.perform(post("/appraisal/office/budget")
                            .session(perf())
                            .with(csrf())
                            .param("year", "2098")
                            .param("wageTotal", "5000000.00")
                            .param("bonusPct", "12.5"))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"appraisal.budget.set", "2098"};
        });
        cases.put("POST /appraisal/office/entries", () -> {
            mvc.perform(post("/appraisal/office/entries")
                            .session(perf())
                            .with(csrf())
                            .param("period", "2097Q1")
                            .param("orgId", branch.orgId())
                            .param("kind", "BONUS")
                            .param("itemCode", "营销竞赛")
                            .param("points", "2")
                            .param("reason", "竞赛第一"))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"appraisal.entry.enter", "" + entryOf(branch.orgId())};
        });
        cases.put("POST /appraisal/office/entries/{id}/approve", () -> {
            mvc.perform(post("/appraisal/office/entries")
                            .session(perf())
                            .with(csrf())
                            .param("period", "2097Q2")
                            .param("orgId", branch.orgId())
                            .param("kind", "PENALTY")
                            .param("itemCode", "合规检查")
                            .param("points", "3")
                            .param("reason", "违规"))
                    .andExpect(status().is3xxRedirection());
            long id = entryOf(branch.orgId());
            mvc.perform(post("/appraisal/office/entries/" + id + "/approve")
                            .session(perf())
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"appraisal.entry.approve", "" + id};
        });
        cases.put("POST /crm/customers/{id}/unmask", () -> {
            TestBank.Rows.seed(
                    ctx.getBean(org.ruralbank.warehouse.Warehouse.class),
                    java.time.LocalDate.of(2025, 6, 30),
                    java.util.List.<String[]>of(new String[] {branch.orgId(), branch.path()}));
            mvc.perform(post("/crm/customers/C" + branch.orgId() + "/unmask")
                            .session(headOfBranch())
                            .with(csrf())
                            .param("date", "2025-06-30")
                            .param("reason", "客户来电核实身份"))
                    .andExpect(status().isOk());
            return new String[] {"crm.customer.unmask", "C" + branch.orgId()};
        });
        cases.put("POST /crm/handovers", () -> {
            String page = proposedHandOver(headOfBranch());
            return new String[] {"crm.handover.propose", page.substring(page.lastIndexOf('/') + 1)};
        });
        cases.put("POST /crm/handovers/{id}/approve", () -> {
            String page = proposedHandOver(headOfBranch());
            mvc.perform(post(page + "/approve").session(headOfBranch()).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"crm.handover.approve", page.substring(page.lastIndexOf('/') + 1)};
        });
        cases.put("POST /crm/handovers/{id}/reject", () -> {
            String page = proposedHandOver(headOfBranch());
            mvc.perform(post(page + "/reject").session(headOfBranch()).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"crm.handover.reject", page.substring(page.lastIndexOf('/') + 1)};
        });
        cases.put("POST /crm/lists/tasks", () -> {
            java.time.LocalDate day = java.time.LocalDate.of(2025, 5, 24);
            String x = branch.orgId();
            new org.ruralbank.crm.PortfolioFixture(ctx, day)
                    .orgs(bank.headOffice(), branch)
                    .customer("M" + x, "磁条客户", branch)
                    .magneticCard("623000" + x, "M" + x, branch)
                    .build();
            mvc.perform(post("/crm/lists/tasks")
                            .session(headOfBranch())
                            .with(csrf())
                            .param("list", "MAGNETIC_CARD")
                            .param("date", day.toString()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"crm.task.create", "MAGNETIC_CARD/" + day};
        });
        cases.put("POST /crm/customers/{id}/household", () -> {
            TestBank.Rows.seedHousehold(
                    ctx.getBean(org.ruralbank.warehouse.Warehouse.class), java.time.LocalDate.of(2025, 6, 30), branch);
            String x = branch.orgId();
            mvc.perform(post("/crm/customers/C" + x + "/household")
                            .session(headOfBranch())
                            .with(csrf())
                            .param("decision", "CONFIRM")
                            .param("members", "C" + x + ",H" + x))
                    .andExpect(status().is3xxRedirection());
            long id = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("select household_id from crm_household_member where cust_id = :c")
                    .param("c", "C" + x)
                    .query(Long.class)
                    .single();
            return new String[] {"crm.household.confirm", Long.toString(id)};
        });
        cases.put("POST /crm/customers/{id}/contacts", () -> {
            TestBank.Rows.seed(
                    ctx.getBean(org.ruralbank.warehouse.Warehouse.class),
                    java.time.LocalDate.of(2025, 6, 30),
                    java.util.List.<String[]>of(new String[] {branch.orgId(), branch.path()}));
            mvc.perform(post("/crm/customers/C" + branch.orgId() + "/contacts")
                            .session(headOfBranch())
                            .with(csrf())
                            .param("entryKey", java.util.UUID.randomUUID().toString())
                            .param("contactDate", "2025-06-30")
                            .param("channel", "VISIT")
                            .param("outcome", "INTERESTED")
                            .param("note", "上门走访，有意办理手机银行"))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"crm.contact.log", "C" + branch.orgId()};
        });
        cases.put("POST /appraisal/office/entries/{id}/reject", () -> {
            mvc.perform(post("/appraisal/office/entries")
                            .session(perf())
                            .with(csrf())
                            .param("period", "2097Q3")
                            .param("orgId", branch.orgId())
                            .param("kind", "PENALTY")
                            .param("itemCode", "合规检查")
                            .param("points", "4")
                            .param("reason", "违规"))
                    .andExpect(status().is3xxRedirection());
            long id = entryOf(branch.orgId());
            mvc.perform(post("/appraisal/office/entries/" + id + "/reject")
                            .session(perf())
                            .with(csrf())
                            .param("decisionReason", "扣分依据不足"))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"appraisal.entry.reject", "" + id};
        });
        cases.put("POST /appraisal/office/runs", () -> {
            TestBank.Rows.seed(
                    ctx.getBean(org.ruralbank.warehouse.Warehouse.class),
                    java.time.LocalDate.of(2024, 3, 31),
                    java.util.List.<String[]>of(new String[] {branch.orgId(), branch.path()}));
            ctx.getBean(org.ruralbank.appraisal.Schemes.class)
                    .save(
                            new org.ruralbank.appraisal.Schemes.Scheme(
                                    2024,
                                    "审计方案",
                                    60,
                                    50,
                                    200,
                                    java.util.List.of(new org.ruralbank.appraisal.Schemes.Item(
                                            "new_cards",
                                            org.ruralbank.appraisal.Schemes.Kind.QUANT,
                                            org.ruralbank.appraisal.Perspective.CUSTOMER,
                                            java.math.BigDecimal.valueOf(100),
                                            java.math.BigDecimal.ZERO,
                                            java.math.BigDecimal.ZERO,
                                            java.math.BigDecimal.valueOf(120),
                                            java.math.BigDecimal.TEN,
                                            java.math.BigDecimal.ONE,
                                            java.math.BigDecimal.ONE,
                                            java.math.BigDecimal.ONE))),
                            OrgScope.everything());
            String location = mvc.perform(post("/appraisal/office/runs")
                            .session(perf())
                            .with(csrf())
                            .param("period", "2024-03"))
                    .andExpect(status().is3xxRedirection())
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();
            return new String[] {"appraisal.run", location.substring(location.indexOf("run=") + 4)};
        });
        cases.put("POST /appraisal/office/runs/{id}/publish", () -> {
            String location = mvc.perform(post("/appraisal/office/runs")
                            .session(perf())
                            .with(csrf())
                            .param("period", "2024-03"))
                    .andExpect(status().is3xxRedirection())
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();
            String run = location.substring(location.indexOf("run=") + 4);
            budget2024();
            mvc.perform(post("/appraisal/office/runs/" + run + "/publish")
                    .session(perf())
                    .with(csrf()));
            return new String[] {"appraisal.publish", run};
        });
        cases.put("POST /appraisal/office/runs/{id}/republish", () -> {
            budget2024();
            String[] versions = new String[2];
            for (int i = 0; i < 2; i++) {
                String location = mvc.perform(post("/appraisal/office/runs")
                                .session(perf())
                                .with(csrf())
                                .param("period", "2024Q1"))
                        .andExpect(status().is3xxRedirection())
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl();
                versions[i] = location.substring(location.indexOf("run=") + 4);
            }
            mvc.perform(post("/appraisal/office/runs/" + versions[0] + "/publish")
                            .session(perf())
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            mvc.perform(post("/appraisal/office/runs/" + versions[1] + "/republish")
                            .session(perf())
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"appraisal.republish", versions[1]};
        });
        cases.put("POST /appraisal/pools/{id}", () -> {
            var w = org.ruralbank.appraisal.AppraisalRows.publishedRun(ctx, java.util.List.of(branch));
            long pool = w.poolOf().get(branch.orgId());
            mvc.perform(post("/appraisal/pools/" + pool)
                            .session(headOfBranch())
                            .with(csrf())
                            .param(
                                    "staffId",
                                    w.staffOf().get(branch.orgId()).get(0),
                                    w.staffOf().get(branch.orgId()).get(1))
                            .param("amount", "5.50", "4.50")
                            .param("reason", "得分高", "得分低"))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"appraisal.pool.distribute", "" + pool};
        });
        cases.put("POST /appraisal/pools/{id}/submit", () -> {
            long pool = distributedPool();
            mvc.perform(post("/appraisal/pools/" + pool + "/submit")
                            .session(headOfBranch())
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"appraisal.pool.submit", "" + pool};
        });
        cases.put("POST /appraisal/office/pools/{id}/approve", () -> {
            long pool = distributedPool();
            appraisalPools().submit(pool, OrgScope.everything());
            mvc.perform(post("/appraisal/office/pools/" + pool + "/approve")
                            .session(perf())
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"appraisal.pool.approve", "" + pool};
        });
        cases.put("POST /appraisal/office/pools/{id}/return", () -> {
            long pool = distributedPool();
            appraisalPools().submit(pool, OrgScope.everything());
            mvc.perform(post("/appraisal/office/pools/" + pool + "/return")
                            .session(perf())
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"appraisal.pool.return", "" + pool};
        });
        cases.put("POST /users", () -> {
            String name = bank.uniqueId("n").toLowerCase();
            mvc.perform(post("/users")
                            .session(session)
                            .with(csrf())
                            .param("username", name)
                            .param("displayName", "新用户")
                            .param("orgId", branch.orgId())
                            .param("roles", "CM")
                            .param("dataScope", "ORG"))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"user.create", name};
        });
        cases.put("POST /users/{id}", () -> {
            String name = bank.user(branch, DataScope.ORG, Role.CM);
            mvc.perform(post("/users/" + bank.userId(name))
                            .session(session)
                            .with(csrf())
                            .param("displayName", "改名")
                            .param("orgId", branch.orgId())
                            .param("roles", "CM", "AUTHORIZER")
                            .param("dataScope", "ORG")
                            .param("enabled", "true"))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"user.update", name};
        });
        cases.put("POST /users/{id}/reset-password", () -> {
            String name = bank.user(branch, DataScope.ORG, Role.CM);
            mvc.perform(post("/users/" + bank.userId(name) + "/reset-password")
                            .session(session)
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"user.resetPassword", name};
        });
        cases.put("POST /users/{id}/unlock", () -> {
            String name = bank.user(branch, DataScope.ORG, Role.CM);
            for (int i = 0; i < StaffUsers.MAX_FAILED_LOGINS; i++) {
                users.loginFailed(name);
            }
            mvc.perform(post("/users/" + bank.userId(name) + "/unlock")
                            .session(session)
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"user.unlock", name};
        });
        cases.put("POST /users/proposals/{id}/approve", () -> {
            String name = bank.user(branch, DataScope.ORG, Role.CM);
            long proposal = proposeWholeBankScope(name);
            MockHttpSession whole =
                    TestBank.login(mvc, bank.user(bank.headOffice(), DataScope.ALL, Role.ADMIN), TestBank.PASSWORD);
            mvc.perform(post("/users/proposals/" + proposal + "/approve")
                            .session(whole)
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"user.grant.approve", String.valueOf(proposal)};
        });
        cases.put("POST /users/proposals/{id}/reject", () -> {
            long proposal = proposeWholeBankScope(bank.user(branch, DataScope.ORG, Role.CM));
            MockHttpSession whole =
                    TestBank.login(mvc, bank.user(bank.headOffice(), DataScope.ALL, Role.ADMIN), TestBank.PASSWORD);
            mvc.perform(post("/users/proposals/" + proposal + "/reject")
                            .session(whole)
                            .with(csrf())
                            .param("reason", "无此需要"))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"user.grant.reject", String.valueOf(proposal)};
        });
        cases.put("POST /orgs/departments", () -> {
            String id = bank.uniqueId("D");
            mvc.perform(post("/orgs/departments")
                            .session(wholeBankAdmin())
                            .with(csrf())
                            .param("deptId", id)
                            .param("name", "审计部" + id)
                            .param("orgId", openHeadOffice().orgId()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"department.create", id};
        });
        cases.put("POST /orgs/departments/members", () -> {
            String id = bank.uniqueId("D");
            ctx.getBean(org.ruralbank.platform.Departments.class)
                    .create(id, "审计二部" + id, openHeadOffice().orgId(), OrgScope.everything());
            String staff = bank.uniqueId("S");
            mvc.perform(post("/orgs/departments/members")
                            .session(wholeBankAdmin())
                            .with(csrf())
                            .param("deptId", id)
                            .param("staffId", staff)
                            .param("from", "2025-01-01"))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"department.assign", staff};
        });
        cases.put("POST /orgs", () -> {
            String id = bank.uniqueId("S");
            mvc.perform(post("/orgs")
                            .session(session)
                            .with(csrf())
                            .param("orgId", id)
                            .param("name", "新分理处")
                            .param("parentOrgId", branch.orgId()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"org.create", id};
        });
        cases.put("POST /directconnect/changes", () -> {
            String id = bank.uniqueId("E");
            mvc.perform(post("/directconnect/changes")
                            .session(session)
                            .with(csrf())
                            .param("kind", "ENTERPRISE")
                            .param("enterpriseId", id)
                            .param("name", "审计企业")
                            .param("orgId", branch.orgId()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"dc.change.propose", String.valueOf(changeOf(id))};
        });
        cases.put("POST /directconnect/changes/{id}/approve", () -> {
            String id = bank.uniqueId("E");
            long change = proposeAsAnother(id);
            mvc.perform(post("/directconnect/changes/" + change + "/approve")
                            .session(session)
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"dc.change.approve", String.valueOf(change)};
        });
        cases.put("POST /directconnect/changes/{id}/reject", () -> {
            long change = proposeAsAnother(bank.uniqueId("E"));
            mvc.perform(post("/directconnect/changes/" + change + "/reject")
                            .session(session)
                            .with(csrf())
                            .param("reason", "资料不全"))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"dc.change.reject", String.valueOf(change)};
        });
        cases.put("POST /password", () -> {
            String[] fresh = bank.userWithOneTimePassword(branch, Role.CM);
            MockHttpSession own = TestBank.login(mvc, fresh[0], fresh[1]);
            mvc.perform(post("/password")
                            .session(own)
                            .with(csrf())
                            .param("current", fresh[1])
                            .param("next", "Brand-New-Passw0rd")
                            .param("repeat", "Brand-New-Passw0rd"))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"user.changePassword", fresh[0]};
        });
        cases.put("POST /appraisal/ftp/propose", () -> {
            MockHttpSession perf = TestBank.login(mvc, bank.user(branch, DataScope.ALL, Role.PERF), TestBank.PASSWORD);
            String date = freeCurveDate();
            var form = post("/appraisal/ftp/propose").session(perf).with(csrf()).param("curveDate", date);
            for (String t : org.ruralbank.appraisal.FtpCurves.TERMS.keySet()) {
                form = form.param(t, "0.0185");
            }
            mvc.perform(form).andExpect(status().is3xxRedirection());
            return new String[] {"appraisal.curve.propose", String.valueOf(proposalOf(date))};
        });
        cases.put("POST /appraisal/ftp/import", () -> {
            MockHttpSession perf = TestBank.login(mvc, bank.user(branch, DataScope.ALL, Role.PERF), TestBank.PASSWORD);
            String date = freeCurveDate();
            mvc.perform(multipart("/appraisal/ftp/import")
                            .file(TestBank.curveUpload(date))
                            .session(perf)
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"appraisal.curve.import", date};
        });
        cases.put("POST /appraisal/ftp/proposals/{id}/approve", () -> {
            long id = proposeCurve();
            MockHttpSession perf = TestBank.login(mvc, bank.user(branch, DataScope.ALL, Role.PERF), TestBank.PASSWORD);
            mvc.perform(post("/appraisal/ftp/proposals/" + id + "/approve")
                            .session(perf)
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"appraisal.curve.approve", String.valueOf(id)};
        });
        cases.put("POST /appraisal/ftp/proposals/{id}/reject", () -> {
            long id = proposeCurve();
            MockHttpSession perf = TestBank.login(mvc, bank.user(branch, DataScope.ALL, Role.PERF), TestBank.PASSWORD);
            mvc.perform(post("/appraisal/ftp/proposals/" + id + "/reject")
                            .session(perf)
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"appraisal.curve.reject", String.valueOf(id)};
        });
        cases.put("POST /appraisal/claims", () -> {
            org.ruralbank.testing.TestBank.Rows.seed(
                    ctx.getBean(org.ruralbank.warehouse.Warehouse.class),
                    java.time.LocalDate.of(2025, 6, 30),
                    java.util.List.<String[]>of(new String[] {branch.orgId(), branch.path()}));
            MockHttpSession cm =
                    TestBank.login(mvc, bank.user(branch, DataScope.ORG_AND_BELOW, Role.CM), TestBank.PASSWORD);
            mvc.perform(post("/appraisal/claims")
                            .session(cm)
                            .with(csrf())
                            .param("kind", "DEPOSIT")
                            .param("objectId", "A" + branch.orgId())
                            .param("staffId", "S1")
                            .param("share", "40")
                            .param("validFrom", "2025-07-01"))
                    .andExpect(status().is3xxRedirection());
            long id = ctx.getBean(org.ruralbank.appraisal.internal.JdbcClaims.class)
                    .claimsOf(org.ruralbank.appraisal.CreditKind.DEPOSIT, "A" + branch.orgId())
                    .get(0)
                    .claimId();
            return new String[] {"appraisal.claim.submit", String.valueOf(id)};
        });
        cases.put("POST /appraisal/claims/{id}/approve", () -> {
            long id = pendingClaim();
            mvc.perform(post("/appraisal/claims/" + id + "/approve")
                            .session(head())
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"appraisal.claim.approve", String.valueOf(id)};
        });
        cases.put("POST /appraisal/claims/{id}/reject", () -> {
            long id = pendingClaim();
            mvc.perform(post("/appraisal/claims/" + id + "/reject")
                            .session(head())
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"appraisal.claim.reject", String.valueOf(id)};
        });
        cases.put("POST /appraisal/claims/handover", () -> {
            var store = ctx.getBean(org.ruralbank.appraisal.internal.JdbcClaims.class);
            String object = bank.uniqueId("OBJ");
            store.ensureObject(org.ruralbank.appraisal.CreditKind.LOAN, object, branch.orgId(), branch.path());
            long pending = store.insertClaim(
                    org.ruralbank.appraisal.CreditKind.LOAN,
                    object,
                    branch.path(),
                    bank.uniqueId("SH"),
                    new java.math.BigDecimal("0.3"),
                    java.time.LocalDate.of(2025, 1, 1),
                    org.ruralbank.appraisal.Claim.OPEN_END,
                    "PENDING",
                    "CLAIM",
                    null,
                    "someone",
                    java.time.OffsetDateTime.now(),
                    null);
            String headUser = bank.user(branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD);
            var claims = ctx.getBean(org.ruralbank.appraisal.Claims.class);
            claims.approve(pending, bank.principal(headUser));
            var held = ctx.getBean(org.ruralbank.appraisal.internal.JdbcClaims.class)
                    .claim(pending)
                    .orElseThrow();
            mvc.perform(post("/appraisal/claims/handover")
                            .session(TestBank.login(mvc, headUser, TestBank.PASSWORD))
                            .with(csrf())
                            .param("fromStaff", held.staffId())
                            .param("effective", "2025-06-01")
                            .param("toStaff1", "S8")
                            .param("toShare1", "100"))
                    .andExpect(status().is3xxRedirection());
            long moved = ctx
                    .getBean(org.ruralbank.appraisal.internal.JdbcClaims.class)
                    .claimsOf(held.objectKind(), held.objectId())
                    .stream()
                    .filter(c -> c.source().equals("HANDOVER"))
                    .mapToLong(org.ruralbank.appraisal.Claim::claimId)
                    .max()
                    .orElseThrow();
            return new String[] {"appraisal.claim.handover", String.valueOf(moved)};
        });
        cases.put("POST /appraisal/disputes/{id}/settle", () -> {
            var store = ctx.getBean(org.ruralbank.appraisal.internal.JdbcClaims.class);
            long claim = pendingClaim();
            var c = store.claim(claim).orElseThrow();
            long dispute =
                    store.openDispute(c.objectKind(), c.objectId(), branch.path(), java.time.OffsetDateTime.now());
            store.joinDispute(dispute, c.objectKind(), c.objectId(), c.validFrom(), c.validTo(), claim);
            mvc.perform(post("/appraisal/disputes/" + dispute + "/settle")
                            .session(head())
                            .with(csrf())
                            .param("share_" + claim, "30")
                            .param("effective", "2025-01-01"))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"appraisal.dispute.settle", String.valueOf(dispute)};
        });
        cases.put("POST /channels/targets/upload", () -> {
            byte[] workbook = org.ruralbank.channels.TargetWorkbookTestSupport.filled(
                    2030,
                    java.util.List.of(new org.ruralbank.channels.TargetWorkbook.Branch(branch.orgId(), branch.name())));
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                    "/channels/targets/upload")
                            .file(new org.springframework.mock.web.MockMultipartFile("file", "t.xlsx", null, workbook))
                            .param("year", "2030")
                            .session(session)
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"targets.upload", "2030"};
        });
        cases.put("POST /data/load", () -> {
            MockHttpSession ebank =
                    TestBank.login(mvc, bank.user(branch, DataScope.ALL, Role.EBANK), TestBank.PASSWORD);
            mvc.perform(post("/data/load").session(ebank).with(csrf())).andExpect(status().is3xxRedirection());
            return new String[] {"ingest.load", "inbox"};
        });
        cases.put("POST /data/pause", () -> {
            MockHttpSession ebank =
                    TestBank.login(mvc, bank.user(branch, DataScope.ALL, Role.EBANK), TestBank.PASSWORD);
            mvc.perform(post("/data/pause").session(ebank).with(csrf())).andExpect(status().is3xxRedirection());
            return new String[] {"ingest.pause", "inbox"};
        });
        cases.put("POST /data/resume", () -> {
            MockHttpSession ebank =
                    TestBank.login(mvc, bank.user(branch, DataScope.ALL, Role.EBANK), TestBank.PASSWORD);
            // paused first, so that the resume changes something (a resume of a running watcher is not audited)
            mvc.perform(post("/data/pause").session(ebank).with(csrf())).andExpect(status().is3xxRedirection());
            mvc.perform(post("/data/resume").session(ebank).with(csrf())).andExpect(status().is3xxRedirection());
            return new String[] {"ingest.resume", "inbox"};
        });
        cases.put("POST /warehouse/sql", () -> {
            MockHttpSession whole =
                    TestBank.login(mvc, bank.user(branch, DataScope.ALL, Role.EBANK), TestBank.PASSWORD);
            String query = "select 42 as " + bank.uniqueId("answer_").toLowerCase();
            String page = mvc.perform(
                            post("/warehouse/sql").session(whole).with(csrf()).param("query", query))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("42");
            return new String[] {"warehouse.sql", query};
        });
        cases.put("POST /warehouse/sql/export", () -> {
            MockHttpSession whole =
                    TestBank.login(mvc, bank.user(branch, DataScope.ALL, Role.EBANK), TestBank.PASSWORD);
            String query = "select 43 as " + bank.uniqueId("answer_").toLowerCase();
            mvc.perform(post("/warehouse/sql/export")
                            .session(whole)
                            .with(csrf())
                            .param("query", query))
                    .andExpect(status().isOk());
            return new String[] {"warehouse.sql.export", query};
        });
        cases.put("POST /points/rules", () -> {
            String code = "AUDIT_" + Math.abs(bank.uniqueId("r").hashCode());
            mvc.perform(post("/points/rules")
                            .session(wholeBankEbank())
                            .with(csrf())
                            .param("code", code)
                            .param("kind", "POS_SPEND")
                            .param("unit", "1.00")
                            .param("points", "1")
                            .param("validFrom", "2099-01-01"))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"points.rule.propose", "" + ruleOf(code)};
        });
        cases.put("POST /points/rules/{id}/approve", () -> {
            long id = proposeRule();
            mvc.perform(post("/points/rules/" + id + "/approve")
                            .session(wholeBankEbank())
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"points.rule.approve", "" + id};
        });
        cases.put("POST /points/rules/{id}/reject", () -> {
            long id = proposeRule();
            mvc.perform(post("/points/rules/" + id + "/reject")
                            .session(wholeBankEbank())
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"points.rule.reject", "" + id};
        });
        cases.put("POST /points/customers/{custId}/codes", () -> {
            // the branch's seeded customer "C<org>" has a card "K<org>"
            org.ruralbank.testing.TestBank.Rows.seed(
                    ctx.getBean(org.ruralbank.warehouse.Warehouse.class),
                    java.time.LocalDate.of(2025, 6, 30),
                    java.util.List.<String[]>of(new String[] {branch.orgId(), branch.path()}));
            String cust = "C" + branch.orgId();
            org.ruralbank.points.PointsFixture.customerWithPoints(ctx, cust, branch, 10);
            mvc.perform(post("/points/customers/" + cust + "/codes")
                            .session(session)
                            .with(csrf())
                            .param("card", "0"))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"points.code.issue", cust};
        });
        cases.put("POST /points/partners", () -> {
            String id = bank.uniqueId("P").toUpperCase().replaceAll("[^A-Z0-9]", "");
            mvc.perform(post("/points/partners")
                            .session(wholeBankEbank())
                            .with(csrf())
                            .param("partnerId", id)
                            .param("kind", "ONLINE")
                            .param("name", "审计电商")
                            .param("orgId", branch.orgId())
                            .param("pointsPerYuan", "100")
                            .param("algorithm", "ECDSA_P256_SHA256")
                            .param("publicKey", org.ruralbank.points.PointsFixture.publicKey())
                            .param("joinedOn", "2025-01-01"))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"points.partner.join", id};
        });
        cases.put("POST /points/campaigns", () -> {
            String code = "AUDIT_C" + Math.abs(bank.uniqueId("c").hashCode());
            mvc.perform(post("/points/campaigns")
                            .session(wholeBankEbank())
                            .with(csrf())
                            .param("code", code)
                            .param("name", "审计活动")
                            .param("multiplierPct", "150")
                            .param("validFrom", "2099-01-01")
                            .param("validTo", "2099-01-31"))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"points.campaign.propose", "" + campaignOf(code)};
        });
        cases.put("POST /points/campaigns/{id}/decide", () -> {
            long id = proposeCampaign();
            mvc.perform(post("/points/campaigns/" + id + "/decide")
                            .session(wholeBankEbank())
                            .with(csrf())
                            .param("approve", "false"))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"points.campaign.reject", "" + id};
        });
        cases.put("POST /points/customers/{custId}/household", () -> {
            String cust = bank.uniqueId("PH");
            String spouse = bank.uniqueId("PH");
            org.ruralbank.points.PointsFixture.customerWithPoints(ctx, cust, branch, 1);
            org.ruralbank.points.PointsFixture.customerWithPoints(ctx, spouse, branch, 1);
            mvc.perform(post("/points/customers/" + cust + "/household")
                            .session(session)
                            .with(csrf())
                            .param("withCustId", spouse))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"points.household.join", cust};
        });
        cases.put("POST /points/customers/{custId}/household/leave", () -> {
            String cust = bank.uniqueId("PH");
            String spouse = bank.uniqueId("PH");
            org.ruralbank.points.PointsFixture.customerWithPoints(ctx, cust, branch, 1);
            org.ruralbank.points.PointsFixture.customerWithPoints(ctx, spouse, branch, 1);
            ctx.getBean(org.ruralbank.points.Households.class)
                    .join(cust, spouse, bank.principal(bank.user(branch, DataScope.ALL, Role.EBANK)));
            mvc.perform(post("/points/customers/" + cust + "/household/leave")
                            .session(session)
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"points.household.leave", cust};
        });
        cases.put("POST /points/budgets", () -> {
            String id = "AB" + Math.abs(bank.uniqueId("b").hashCode());
            mvc.perform(post("/points/budgets")
                            .session(wholeBankEbank())
                            .with(csrf())
                            .param("budgetId", id)
                            .param("purpose", "EMPLOYEE_CARE")
                            .param("name", "审计预算")
                            .param("points", "100"))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"points.budget.propose", id};
        });
        cases.put("POST /points/budgets/{id}/decide", () -> {
            String id = proposeBudget();
            mvc.perform(post("/points/budgets/" + id + "/decide")
                            .session(wholeBankEbank())
                            .with(csrf())
                            .param("approve", "true"))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"points.budget.approve", id};
        });
        cases.put("POST /points/grants", () -> {
            String budget = fundedBudget();
            String cust = bank.uniqueId("PG");
            org.ruralbank.points.PointsFixture.customerWithPoints(ctx, cust, branch, 1);
            mvc.perform(post("/points/grants")
                            .session(session)
                            .with(csrf())
                            .param("budgetId", budget)
                            .param("custId", cust)
                            .param("points", "10")
                            .param("reason", "审计关怀"))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"points.grant.propose", "" + grantOf(cust)};
        });
        cases.put("POST /points/grants/{id}/decide", () -> {
            String budget = fundedBudget();
            String cust = bank.uniqueId("PG");
            org.ruralbank.points.PointsFixture.customerWithPoints(ctx, cust, branch, 1);
            ctx.getBean(org.ruralbank.points.CareGrants.class)
                    .proposeGrant(
                            Map.of("budgetId", budget, "custId", cust, "points", "10", "reason", "审计关怀"),
                            bank.principal(bank.user(branch, DataScope.ALL, Role.EBANK)));
            long id = grantOf(cust);
            mvc.perform(post("/points/grants/" + id + "/decide")
                            .session(session)
                            .with(csrf())
                            .param("approve", "true"))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"points.grant.approve", "" + id};
        });
        cases.put("POST /points/partners/{id}/leave", () -> {
            String id = bank.uniqueId("P").toUpperCase().replaceAll("[^A-Z0-9]", "");
            org.ruralbank.points.PointsFixture.partner(ctx, id, "MERCHANT", branch);
            mvc.perform(post("/points/partners/" + id + "/leave")
                            .session(session)
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            return new String[] {"points.partner.leave", id};
        });
        return cases;
    }

    private MockHttpSession wholeBankEbank() throws Exception {
        return TestBank.login(mvc, bank.user(branch, DataScope.ALL, Role.EBANK), TestBank.PASSWORD);
    }

    private long campaignOf(String code) {
        return ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select campaign_id from pt_campaign where code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private long proposeCampaign() {
        String code = "AUDIT_C" + Math.abs(bank.uniqueId("c").hashCode());
        ctx.getBean(org.ruralbank.points.Campaigns.class)
                .propose(
                        Map.of(
                                "code",
                                code,
                                "name",
                                "审计活动",
                                "multiplierPct",
                                "150",
                                "validFrom",
                                "2099-01-01",
                                "validTo",
                                "2099-01-31"),
                        bank.principal(bank.user(branch, DataScope.ALL, Role.EBANK)));
        return campaignOf(code);
    }

    private String proposeBudget() {
        String id = "AB" + Math.abs(bank.uniqueId("b").hashCode());
        ctx.getBean(org.ruralbank.points.CareGrants.class)
                .proposeBudget(
                        Map.of("budgetId", id, "purpose", "CUSTOMER_CARE", "name", "审计预算", "points", "100"),
                        bank.principal(bank.user(branch, DataScope.ALL, Role.EBANK)));
        return id;
    }

    private String fundedBudget() {
        String id = proposeBudget();
        ctx.getBean(org.ruralbank.points.CareGrants.class)
                .decideBudget(id, true, bank.firstAdministrator(), java.time.LocalDate.of(2025, 7, 1));
        return id;
    }

    private long grantOf(String cust) {
        return ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select max(grant_id) from pt_grant where cust_id = :c")
                .param("c", cust)
                .query(Long.class)
                .single();
    }

    private long ruleOf(String code) {
        return ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select max(rule_id) from pt_rule where code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    /** A rule proposed by another whole-bank user, for the signed-in one to decide. */
    private long proposeRule() {
        var maker = bank.principal(bank.user(branch, DataScope.ALL, Role.EBANK));
        String code = "AUDIT_" + Math.abs(bank.uniqueId("r").hashCode());
        ctx.getBean(org.ruralbank.points.EarningRules.class)
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
        return ruleOf(code);
    }

    /** What a points partner's request changes is its order: pt_order (the request's digest, the answer) and the ledger. */
    static final String POINTS_ORDER =
            "points order: pt_order keeps the request digest and the answer, pt_transfer the "
                    + "posting (a quote changes nothing); PointsApiTest";

    /**
     * Partner endpoints act for an enterprise, not a staff user: what they change is written to the instruction
     * journal (each instruction with its full history), which {@link PartnerJournalTest} checks for every one.
     */
    static final Map<String, String> JOURNALED = Map.ofEntries(
            Map.entry("POST /api/dc/v1/payments", "JSON payment: dc_instruction and its events"),
            Map.entry(
                    "POST /api/dc/v1/payments/iso",
                    "pain.001: one dc_instruction per transaction, dc_batch_job per message"),
            Map.entry("POST /api/dc/v1/pools/{poolId}/runs", "pool run: dc_pool_run and one dc_pool_sweep per member"),
            Map.entry(
                    "POST /api/dc/v1/treasury/quotas",
                    "quota file: dc_quota_load, a GRANT posting per changed quota, audit"),
            Map.entry(
                    "POST /api/dc/v1/treasury/payments", "treasury payment: dc_instruction, its events, a PAY posting"),
            Map.entry("POST /api/dc/v1/treasury/refunds", "refund: dc_treasury_refund and a REFUND posting"));

    /**
     * The points partner endpoints act for a partner, not a staff user: each order is journaled in pt_order, which
     * {@code PointsApiTest} checks.
     */
    static final Map<String, String> POINTS_JOURNALED = Map.ofEntries(
            Map.entry("POST /api/points/v1/quotes", POINTS_ORDER),
            Map.entry(
                    "POST /api/points/v1/points",
                    "a customer's points read: the one-time code it uses up names the partner in pt_code.used_by; "
                            + "PointsApiTest"),
            Map.entry("POST /api/points/v1/holds", POINTS_ORDER),
            Map.entry("POST /api/points/v1/holds/{orderId}/confirm", POINTS_ORDER),
            Map.entry("POST /api/points/v1/holds/{orderId}/cancel", POINTS_ORDER),
            Map.entry("POST /api/points/v1/redemptions", POINTS_ORDER),
            Map.entry("POST /api/points/v1/orders/{orderId}/refund", POINTS_ORDER));

    @Test
    void theSqlConsoleRefusesWritesAndUsersWithoutTheWholeBankAndAuditsBoth() throws Exception {
        MockHttpSession whole = TestBank.login(mvc, bank.user(branch, DataScope.ALL, Role.EBANK), TestBank.PASSWORD);
        String page = mvc.perform(post("/warehouse/sql")
                        .session(whole)
                        .with(csrf())
                        .param("query", "create table evil as select 1"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("sql-error");
        page = mvc.perform(post("/warehouse/sql")
                        .session(whole)
                        .with(csrf())
                        .param("query", "select * from read_text('/etc/passwd')"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("sql-error").doesNotContain("root:");
        mvc.perform(post("/warehouse/sql").session(session).with(csrf()).param("query", "select 7 as scoped_user"))
                .andExpect(status().isForbidden());
        boolean refused = audit
                .search(OrgScope.everything(), new AuditEvents.Filter(admin, "access.refused", null, null), 1, 10)
                .items()
                .stream()
                .anyMatch(e -> "POST /warehouse/sql".equals(e.targetId()));
        assertThat(refused).as("the refused request is audited").isTrue();
    }

    @Test
    void everyMutatingEndpointHasAnAuditCase() {
        Set<String> uncovered = new TreeSet<>(Endpoints.of(ctx, true));
        uncovered.removeAll(cases().keySet());
        uncovered.removeAll(JOURNALED.keySet());
        uncovered.removeAll(POINTS_JOURNALED.keySet());
        assertThat(uncovered)
                .as("mutating endpoints without an audit test: add a case to AuditTrailTest")
                .isEmpty();
    }

    @Test
    void everyMutatingEndpointIsAudited() throws Exception {
        for (Map.Entry<String, AuditCase> c : cases().entrySet()) {
            String[] expected = c.getValue().run();
            boolean found = audit
                    .search(OrgScope.everything(), new AuditEvents.Filter(null, expected[0], null, null), 1, 200)
                    .items()
                    .stream()
                    .anyMatch(e ->
                            expected[1].equalsIgnoreCase(e.targetId()) && e.actor() != null && e.occurredAt() != null);
            assertThat(found)
                    .as(c.getKey() + " leaves an audit entry " + expected[0] + " for " + expected[1])
                    .isTrue();
        }
    }

    /** The wage budget of 2024, the year of the audited runs (publishing funds the pools from it). */
    private void budget2024() {
        ctx.getBean(org.ruralbank.appraisal.Schemes.class).setBudget(2024, "1000000", "10", OrgScope.everything());
    }

    private MockHttpSession head() throws Exception {
        return TestBank.login(mvc, bank.user(branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD), TestBank.PASSWORD);
    }

    /** A pending claim of 20% on an object of the branch, made by someone else. */
    private long pendingClaim() {
        var store = ctx.getBean(org.ruralbank.appraisal.internal.JdbcClaims.class);
        String object = bank.uniqueId("OBJ");
        store.ensureObject(org.ruralbank.appraisal.CreditKind.LOAN, object, branch.orgId(), branch.path());
        return store.insertClaim(
                org.ruralbank.appraisal.CreditKind.LOAN,
                object,
                branch.path(),
                "S9",
                new java.math.BigDecimal("0.2"),
                java.time.LocalDate.of(2025, 1, 1),
                org.ruralbank.appraisal.Claim.OPEN_END,
                "PENDING",
                "CLAIM",
                null,
                "someone",
                java.time.OffsetDateTime.now(),
                null);
    }

    private static final java.util.concurrent.atomic.AtomicInteger CURVE_DAYS =
            new java.util.concurrent.atomic.AtomicInteger((int) (System.nanoTime() % 100_000));

    /** A date far ahead that no other case (nor an earlier run on the shared database) has a curve for. */
    private static String freeCurveDate() {
        return java.time.LocalDate.of(2100, 1, 1)
                .plusDays(CURVE_DAYS.incrementAndGet())
                .toString();
    }

    private long proposalOf(String date) {
        return ctx.getBean(org.ruralbank.appraisal.FtpCurves.class).proposals().stream()
                .filter(p -> p.curveDate().toString().equals(date))
                .findFirst()
                .orElseThrow()
                .proposalId();
    }

    /** A curve proposed by another whole-bank user. */
    private long proposeCurve() {
        String date = freeCurveDate();
        var maker = new org.ruralbank.platform.StaffPrincipal(
                1,
                bank.uniqueId("maker"),
                "录入",
                branch.orgId(),
                branch.path(),
                null,
                java.util.Set.of(Role.PERF),
                DataScope.ALL);
        java.util.Map<String, String> rates = new java.util.HashMap<>();
        org.ruralbank.appraisal.FtpCurves.TERMS.keySet().forEach(t -> rates.put(t, "0.02"));
        ctx.getBean(org.ruralbank.appraisal.FtpCurves.class).propose(java.time.LocalDate.parse(date), rates, maker);
        return proposalOf(date);
    }

    /** The console proposes to give the user the whole bank: a proposal for a whole-bank administrator. */
    private long proposeWholeBankScope(String username) {
        var u = users.findByUsername(username).orElseThrow();
        return ((org.ruralbank.platform.UserChange.Proposed) users.update(
                        u.userId(),
                        u.displayName(),
                        u.orgId(),
                        u.roles(),
                        DataScope.ALL,
                        true,
                        org.ruralbank.platform.Grantor.console()))
                .proposalId();
    }

    private long entryOf(String orgId) {
        return ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select max(entry_id) from appraisal_entry where org_id = :o")
                .param("o", orgId)
                .query(Long.class)
                .single();
    }

    private long changeOf(String enterpriseId) {
        return ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select max(change_id) from dc_change where enterprise_id = :e")
                .param("e", enterpriseId)
                .query(Long.class)
                .single();
    }

    /** A change proposed by another staff member of the branch, for the signed-in admin to decide. */
    private long proposeAsAnother(String enterpriseId) {
        var maker = org.ruralbank.directconnect.DirectConnectFixture.principal(
                users, bank.user(branch, DataScope.ORG_AND_BELOW, Role.EBANK));
        return ctx.getBean(org.ruralbank.directconnect.Onboarding.class)
                .propose(
                        org.ruralbank.directconnect.Onboarding.Kind.ENTERPRISE.change(
                                Map.of("enterpriseId", enterpriseId, "name", "复核企业", "orgId", branch.orgId())),
                        maker);
    }

    @Test
    void loginsAreAuditedBothWays() throws Exception {
        String name = bank.user(branch, DataScope.ORG, Role.CM);
        TestBank.login(mvc, name, TestBank.PASSWORD);
        mvc.perform(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
                        .user(name)
                        .password("wrong-password"));
        var entries = audit.search(OrgScope.everything(), new AuditEvents.Filter(name, "login", null, null), 1, 10)
                .items();
        assertThat(entries).extracting(AuditEvents.Entry::outcome).contains("OK", "FAILED");
    }

    @FunctionalInterface
    interface AuditCase {
        String[] run() throws Exception;
    }
}
