package org.ruralbank.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.WholeBankPages;
import org.ruralbank.testing.Endpoints;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Who reaches what: for every endpoint the application maps (and the actuator's), {@link #REACH} states which roles
 * reach it and whether only with a whole-bank scope. The test signs in one user per role, once with a branch scope
 * and once with the whole bank, requests every endpoint and compares what each one reached with what is stated. A
 * new endpoint fails {@link #everyEndpointStatesWhoReachesIt()} until its line is added here, so every page says who
 * sees it.
 *
 * <p>"Reached" means the request got past authentication and authorization: any answer but 401, 403 or a redirect to
 * the login (a 404 for an id that does not exist is reached). Path variables name things that do not exist and
 * forms are empty, so no request changes anything but the audit log.
 */
@OnPostgres
class RoleReachTest {

    /**
     * Who reaches an endpoint: staff or not, these roles (empty: every signed-in user), with any scope or only the
     * whole bank.
     */
    record Reach(boolean staff, Set<Role> roles, boolean wholeBankOnly) {
        boolean admits(Role role, DataScope scope) {
            return staff && (roles.isEmpty() || roles.contains(role)) && (!wholeBankOnly || scope == DataScope.ALL);
        }
    }

    static Reach everyone() {
        return new Reach(true, Set.of(), false);
    }

    static Reach roles(Role first, Role... more) {
        return new Reach(true, EnumSet.of(first, more), false);
    }

    static Reach wholeBank(Role first, Role... more) {
        return new Reach(true, EnumSet.of(first, more), true);
    }

    /** The partner API answers signed requests of enterprises only: no staff session reaches it. */
    static final Reach PARTNERS_ONLY = new Reach(false, Set.of(), false);

    static final Role ADMIN = Role.ADMIN;
    static final Role EBANK = Role.EBANK;
    static final Role PERF = Role.PERF;
    static final Role BRANCH_HEAD = Role.BRANCH_HEAD;
    static final Role AUDITOR = Role.AUDITOR;
    static final Role CM = Role.CM;

    static final Map<String, Reach> REACH = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /", everyone()),
            Map.entry("GET /home", everyone()),
            Map.entry("GET /login", everyone()),
            Map.entry("GET /about", everyone()),
            Map.entry("GET /password", everyone()),
            Map.entry("POST /password", everyone()),
            Map.entry("GET /users", roles(ADMIN, AUDITOR, BRANCH_HEAD)),
            Map.entry("GET /users/export", roles(ADMIN, AUDITOR, BRANCH_HEAD)),
            Map.entry("GET /users/{id}", roles(ADMIN, AUDITOR, BRANCH_HEAD)),
            Map.entry("GET /users/new", roles(ADMIN)),
            Map.entry("POST /users", roles(ADMIN)),
            Map.entry("POST /users/{id}", roles(ADMIN)),
            Map.entry("POST /users/{id}/reset-password", roles(ADMIN)),
            Map.entry("POST /users/{id}/unlock", roles(ADMIN)),
            Map.entry("POST /users/proposals/{id}/approve", wholeBank(ADMIN)),
            Map.entry("POST /users/proposals/{id}/reject", roles(ADMIN)),
            Map.entry("GET /orgs", everyone()),
            Map.entry("GET /orgs/export", everyone()),
            Map.entry("POST /orgs", roles(ADMIN)),
            Map.entry("POST /orgs/departments", wholeBank(ADMIN)),
            Map.entry("POST /orgs/departments/members", wholeBank(ADMIN)),
            Map.entry("GET /audit", roles(ADMIN, AUDITOR)),
            Map.entry("GET /audit/export", roles(ADMIN, AUDITOR)),
            Map.entry("GET /channels/cards", everyone()),
            Map.entry("GET /channels/cards/export", everyone()),
            Map.entry("GET /channels/cards/list", everyone()),
            Map.entry("GET /channels/cards/list/export", everyone()),
            Map.entry("GET /channels/devices", everyone()),
            Map.entry("GET /channels/devices/export", everyone()),
            Map.entry("GET /channels/limits", everyone()),
            Map.entry("GET /channels/limits/export", everyone()),
            Map.entry("GET /channels/merchants", everyone()),
            Map.entry("GET /channels/merchants/export", everyone()),
            Map.entry("GET /channels/online", everyone()),
            Map.entry("GET /channels/online/export", everyone()),
            Map.entry("GET /channels/online/users", everyone()),
            Map.entry("GET /channels/online/users/export", everyone()),
            Map.entry("GET /channels/report", everyone()),
            Map.entry("GET /channels/report/export", everyone()),
            Map.entry("GET /channels/substitution", everyone()),
            Map.entry("GET /channels/substitution/export", everyone()),
            Map.entry("GET /channels/village", everyone()),
            Map.entry("GET /channels/village/export", everyone()),
            Map.entry("GET /appraisal/ftp", everyone()),
            Map.entry("GET /appraisal/ftp/export", everyone()),
            Map.entry("POST /appraisal/ftp/propose", roles(ADMIN, PERF)),
            Map.entry("POST /appraisal/ftp/import", roles(ADMIN, PERF)),
            Map.entry("POST /appraisal/ftp/proposals/{id}/approve", roles(ADMIN, PERF)),
            Map.entry("POST /appraisal/ftp/proposals/{id}/reject", roles(ADMIN, PERF)),
            Map.entry("GET /appraisal/claims", everyone()),
            Map.entry("GET /appraisal/claims/export", everyone()),
            Map.entry("GET /appraisal/claims/object", everyone()),
            Map.entry("POST /appraisal/claims", roles(Role.CM, BRANCH_HEAD, PERF)),
            Map.entry("POST /appraisal/claims/{id}/approve", roles(BRANCH_HEAD, PERF)),
            Map.entry("POST /appraisal/claims/{id}/reject", roles(BRANCH_HEAD, PERF)),
            Map.entry("GET /appraisal/claims/handover", roles(BRANCH_HEAD, PERF)),
            Map.entry("POST /appraisal/claims/handover", roles(BRANCH_HEAD, PERF)),
            Map.entry("GET /appraisal/disputes", everyone()),
            Map.entry("GET /appraisal/disputes/{id}", everyone()),
            Map.entry("POST /appraisal/disputes/{id}/settle", roles(BRANCH_HEAD, PERF)),
            Map.entry("GET /channels/targets", everyone()),
            Map.entry("GET /channels/targets/export", everyone()),
            Map.entry("GET /channels/targets/template", roles(ADMIN, EBANK, PERF)),
            Map.entry("POST /channels/targets/upload", roles(ADMIN, EBANK, PERF)),
            Map.entry("GET /appraisal/schemes", roles(PERF, BRANCH_HEAD, CM, AUDITOR)),
            Map.entry("POST /appraisal/office/schemes", wholeBank(PERF)),
            Map.entry("POST /appraisal/office/budget", wholeBank(PERF)),
            Map.entry("GET /appraisal/office/runs", wholeBank(PERF)),
            Map.entry("POST /appraisal/office/runs", wholeBank(PERF)),
            Map.entry("POST /appraisal/office/runs/{id}/publish", wholeBank(PERF)),
            Map.entry("POST /appraisal/office/runs/{id}/republish", wholeBank(PERF)),
            Map.entry("POST /appraisal/office/entries", wholeBank(PERF)),
            Map.entry("POST /appraisal/office/entries/{id}/approve", wholeBank(PERF)),
            Map.entry("POST /appraisal/office/entries/{id}/reject", wholeBank(PERF)),
            Map.entry("GET /appraisal/results", roles(PERF, BRANCH_HEAD, CM, AUDITOR)),
            Map.entry("GET /appraisal/results/export", roles(PERF, BRANCH_HEAD, CM, AUDITOR)),
            Map.entry("GET /appraisal/results/branches/{orgId}", roles(PERF, BRANCH_HEAD, CM, AUDITOR)),
            Map.entry("GET /appraisal/results/people/{staffId}", roles(PERF, BRANCH_HEAD, CM, AUDITOR)),
            Map.entry("GET /appraisal/results/departments/{deptId}", roles(PERF, BRANCH_HEAD, CM, AUDITOR)),
            Map.entry("GET /appraisal/results/accounts", roles(PERF, BRANCH_HEAD, CM, AUDITOR)),
            // open to the appraisal's readers, since a department's head may hold any of their roles; the pools
            // service lets a branch head distribute a branch's pool and a department's head the department's
            Map.entry("GET /appraisal/pools", roles(PERF, BRANCH_HEAD, CM, AUDITOR)),
            Map.entry("GET /appraisal/pools/{id}", roles(PERF, BRANCH_HEAD, CM, AUDITOR)),
            Map.entry("GET /appraisal/pools/{id}/export", roles(PERF, BRANCH_HEAD, CM, AUDITOR)),
            Map.entry("POST /appraisal/pools/{id}", roles(PERF, BRANCH_HEAD, CM)),
            Map.entry("POST /appraisal/pools/{id}/submit", roles(PERF, BRANCH_HEAD, CM)),
            Map.entry("POST /appraisal/office/pools/{id}/approve", wholeBank(PERF)),
            Map.entry("POST /appraisal/office/pools/{id}/return", wholeBank(PERF)),
            Map.entry("GET /crm/customers", roles(CM, BRANCH_HEAD, AUDITOR)),
            Map.entry("GET /crm/customers/export", roles(CM, BRANCH_HEAD, AUDITOR)),
            Map.entry("GET /crm/customers/{id}", roles(CM, BRANCH_HEAD, AUDITOR)),
            Map.entry("POST /crm/customers/{id}/unmask", roles(CM, BRANCH_HEAD)),
            Map.entry("POST /crm/customers/{id}/contacts", roles(CM, BRANCH_HEAD)),
            Map.entry("GET /crm/customers/{id}/graph", roles(CM, BRANCH_HEAD, AUDITOR)),
            Map.entry("POST /crm/customers/{id}/household", roles(CM, BRANCH_HEAD)),
            Map.entry("GET /crm/circles", roles(CM, BRANCH_HEAD, AUDITOR)),
            Map.entry("GET /crm/circles/export", roles(CM, BRANCH_HEAD, AUDITOR)),
            Map.entry("GET /crm/value", roles(CM, BRANCH_HEAD, AUDITOR)),
            Map.entry("GET /crm/lists", roles(CM, BRANCH_HEAD, AUDITOR)),
            Map.entry("GET /crm/lists/export", roles(CM, BRANCH_HEAD, AUDITOR)),
            Map.entry("POST /crm/lists/tasks", roles(CM, BRANCH_HEAD)),
            Map.entry("GET /crm/tasks", roles(CM, BRANCH_HEAD, AUDITOR)),
            Map.entry("GET /crm/portfolios", roles(CM, BRANCH_HEAD, AUDITOR)),
            Map.entry("GET /crm/handovers", roles(CM, BRANCH_HEAD, AUDITOR)),
            Map.entry("GET /crm/handovers/{id}", roles(CM, BRANCH_HEAD, AUDITOR)),
            Map.entry("POST /crm/handovers", roles(CM, BRANCH_HEAD)),
            Map.entry("POST /crm/handovers/{id}/approve", roles(BRANCH_HEAD)),
            Map.entry("POST /crm/handovers/{id}/reject", roles(BRANCH_HEAD)),
            Map.entry("GET /directconnect/enterprises", roles(ADMIN, EBANK, BRANCH_HEAD, AUDITOR)),
            Map.entry("GET /directconnect/enterprises/new", roles(ADMIN, EBANK, BRANCH_HEAD)),
            Map.entry("GET /directconnect/enterprises/{id}", roles(ADMIN, EBANK, BRANCH_HEAD, AUDITOR)),
            Map.entry("GET /directconnect/changes", roles(ADMIN, EBANK, BRANCH_HEAD, AUDITOR)),
            Map.entry("POST /directconnect/changes", roles(ADMIN, EBANK, BRANCH_HEAD)),
            Map.entry("POST /directconnect/changes/{id}/approve", roles(ADMIN, EBANK, BRANCH_HEAD)),
            Map.entry("POST /directconnect/changes/{id}/reject", roles(ADMIN, EBANK, BRANCH_HEAD)),
            Map.entry("GET /directconnect/instructions", roles(ADMIN, EBANK, BRANCH_HEAD, AUDITOR)),
            Map.entry("GET /directconnect/instructions/export", roles(ADMIN, EBANK, BRANCH_HEAD, AUDITOR)),
            Map.entry("GET /directconnect/instructions/{id}", roles(ADMIN, EBANK, BRANCH_HEAD, AUDITOR)),
            Map.entry("GET /directconnect/reconciliation", roles(ADMIN, EBANK, BRANCH_HEAD, AUDITOR)),
            Map.entry("GET /directconnect/reconciliation/export", roles(ADMIN, EBANK, BRANCH_HEAD, AUDITOR)),
            Map.entry("GET /directconnect/treasury", roles(ADMIN, EBANK, BRANCH_HEAD, AUDITOR)),
            Map.entry("GET /directconnect/treasury/export", roles(ADMIN, EBANK, BRANCH_HEAD, AUDITOR)),
            Map.entry("GET /warehouse/orgs", roles(ADMIN, EBANK)),
            Map.entry("GET /warehouse/models", wholeBank(ADMIN, EBANK)),
            Map.entry("GET /warehouse/models/{name}", wholeBank(ADMIN, EBANK)),
            Map.entry("GET /warehouse/lineage", wholeBank(ADMIN, EBANK)),
            Map.entry("GET /warehouse/sql", wholeBank(ADMIN, EBANK)),
            Map.entry("POST /warehouse/sql", wholeBank(ADMIN, EBANK)),
            Map.entry("POST /warehouse/sql/export", wholeBank(ADMIN, EBANK)),
            Map.entry("GET /data", wholeBank(ADMIN, EBANK)),
            Map.entry("GET /data/progress", wholeBank(ADMIN, EBANK)),
            Map.entry("GET /data/dates/{date}", wholeBank(ADMIN, EBANK)),
            Map.entry("GET /data/tests", wholeBank(ADMIN, EBANK)),
            Map.entry("POST /data/load", wholeBank(ADMIN, EBANK)),
            Map.entry("POST /data/pause", wholeBank(ADMIN, EBANK)),
            Map.entry("POST /data/resume", wholeBank(ADMIN, EBANK)),
            Map.entry("GET /actuator", wholeBank(ADMIN)),
            Map.entry("GET /actuator/info", wholeBank(ADMIN)),
            Map.entry("GET /actuator/prometheus", wholeBank(ADMIN)),
            Map.entry("GET /actuator/health", everyone()),
            Map.entry("GET /api/dc/v1/openapi.json", everyone()),
            Map.entry("GET /api/dc/v1/accounts", PARTNERS_ONLY),
            Map.entry("GET /api/dc/v1/accounts/{accountNo}/entries", PARTNERS_ONLY),
            Map.entry("GET /api/dc/v1/accounts/{accountNo}/statement", PARTNERS_ONLY),
            Map.entry("GET /api/dc/v1/reports/intraday", PARTNERS_ONLY),
            Map.entry("GET /api/dc/v1/payments/{key}", PARTNERS_ONLY),
            Map.entry("POST /api/dc/v1/payments", PARTNERS_ONLY),
            Map.entry("POST /api/dc/v1/payments/iso", PARTNERS_ONLY),
            Map.entry("GET /api/dc/v1/payments/iso/jobs/{jobId}", PARTNERS_ONLY),
            Map.entry("GET /api/dc/v1/payments/iso/jobs/{jobId}/report", PARTNERS_ONLY),
            Map.entry("GET /api/dc/v1/pools/{poolId}/runs", PARTNERS_ONLY),
            Map.entry("POST /api/dc/v1/treasury/quotas", PARTNERS_ONLY),
            Map.entry("POST /api/dc/v1/treasury/payments", PARTNERS_ONLY),
            Map.entry("GET /api/dc/v1/treasury/payments/{paymentId}", PARTNERS_ONLY),
            Map.entry("POST /api/dc/v1/treasury/refunds", PARTNERS_ONLY),
            Map.entry("GET /api/dc/v1/treasury/reconciliation", PARTNERS_ONLY),
            Map.entry("POST /api/dc/v1/pools/{poolId}/runs", PARTNERS_ONLY),
            Map.entry("GET /points", everyone()),
            Map.entry("GET /points/export", everyone()),
            Map.entry("POST /points/rules", roles(ADMIN, EBANK)),
            Map.entry("POST /points/rules/{id}/approve", roles(ADMIN, EBANK)),
            Map.entry("POST /points/rules/{id}/reject", roles(ADMIN, EBANK)),
            Map.entry("GET /points/customers/{custId}", everyone()),
            Map.entry("POST /points/customers/{custId}/codes", roles(ADMIN, EBANK, CM, BRANCH_HEAD)),
            Map.entry("GET /points/partners", everyone()),
            Map.entry("POST /points/partners", roles(ADMIN, EBANK)),
            Map.entry("POST /points/partners/{id}/leave", roles(ADMIN, EBANK)),
            Map.entry("POST /points/campaigns", roles(ADMIN, EBANK)),
            Map.entry("POST /points/campaigns/{id}/decide", roles(ADMIN, EBANK)),
            Map.entry("POST /points/customers/{custId}/household", roles(ADMIN, EBANK, CM, BRANCH_HEAD)),
            Map.entry("POST /points/customers/{custId}/household/leave", roles(ADMIN, EBANK, CM, BRANCH_HEAD)),
            Map.entry("GET /points/care", everyone()),
            Map.entry("POST /points/budgets", roles(ADMIN, EBANK)),
            Map.entry("POST /points/budgets/{id}/decide", roles(ADMIN, EBANK)),
            Map.entry("POST /points/grants", roles(ADMIN, EBANK, CM, BRANCH_HEAD)),
            Map.entry("POST /points/grants/{id}/decide", roles(ADMIN, EBANK, BRANCH_HEAD)),
            Map.entry("GET /points/finance", everyone()),
            Map.entry("GET /points/finance/export", everyone()),
            Map.entry("POST /api/points/v1/quotes", PARTNERS_ONLY),
            Map.entry("POST /api/points/v1/points", PARTNERS_ONLY),
            Map.entry("POST /api/points/v1/holds", PARTNERS_ONLY),
            Map.entry("POST /api/points/v1/holds/{orderId}/confirm", PARTNERS_ONLY),
            Map.entry("POST /api/points/v1/holds/{orderId}/cancel", PARTNERS_ONLY),
            Map.entry("POST /api/points/v1/redemptions", PARTNERS_ONLY),
            Map.entry("POST /api/points/v1/orders/{orderId}/refund", PARTNERS_ONLY),
            Map.entry("GET /api/points/v1/orders/{orderId}", PARTNERS_ONLY)));

    /** The actuator's endpoints are mapped outside the controllers; these are the ones exposed. */
    static final Set<String> ACTUATOR =
            Set.of("GET /actuator", "GET /actuator/info", "GET /actuator/prometheus", "GET /actuator/health");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Test
    void everyEndpointStatesWhoReachesIt() {
        Set<String> all = endpoints();
        Set<String> unstated = new TreeSet<>(all);
        unstated.removeAll(REACH.keySet());
        assertThat(unstated)
                .as("endpoints without a stated reach: add them to RoleReachTest.REACH")
                .isEmpty();
        Set<String> gone = new TreeSet<>(REACH.keySet());
        gone.removeAll(all);
        assertThat(gone).as("stated endpoints the application no longer maps").isEmpty();
    }

    @Test
    void whatEachRoleReachesIsExactlyWhatIsStated() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org branch = bank.branch("可达性支行");
        Map<String, List<String>> differences = new LinkedHashMap<>();
        for (DataScope scope : List.of(DataScope.ORG_AND_BELOW, DataScope.ALL)) {
            for (Role role : Role.values()) {
                MockHttpSession session = TestBank.login(mvc, bank.user(branch, scope, role), TestBank.PASSWORD);
                List<String> wrong = new ArrayList<>();
                for (String endpoint : endpoints()) {
                    boolean expected =
                            REACH.getOrDefault(endpoint, PARTNERS_ONLY).admits(role, scope);
                    MockHttpServletResponse response = mvc.perform(
                                    request(endpoint).session(session))
                            .andReturn()
                            .getResponse();
                    assertThat(response.getStatus())
                            .as(role + "/" + scope + " " + endpoint + " answers no 500")
                            .isLessThan(500);
                    if (reached(response) != expected) {
                        wrong.add((expected ? "does not reach " : "reaches ") + endpoint + " (" + response.getStatus()
                                + ")");
                    }
                }
                if (!wrong.isEmpty()) {
                    differences.put(role + " with scope " + scope, wrong);
                }
            }
        }
        assertThat(differences)
                .as("reach that differs from RoleReachTest.REACH")
                .isEmpty();
    }

    @Test
    void wholeBankPagesAreStatedAsSuch() {
        REACH.forEach((endpoint, reach) -> {
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            if (!endpoint.equals("GET /actuator/health") && reach.staff()) {
                assertThat(reach.wholeBankOnly())
                        .as(endpoint + " is whole-bank exactly when WholeBankPages covers it")
                        .isEqualTo(WholeBankPages.covers(path));
            }
        });
    }

    private Set<String> endpoints() {
        Set<String> all = new TreeSet<>(Endpoints.of(ctx, false));
        all.addAll(Endpoints.of(ctx, true));
        all.addAll(ACTUATOR);
        return all;
    }

    private static boolean reached(MockHttpServletResponse response) {
        int status = response.getStatus();
        String location = response.getRedirectedUrl();
        return status != 401 && status != 403 && !(location != null && location.contains("/login"));
    }

    /** A harmless request to the endpoint: ids that do not exist, the least form that gets past parameter binding. */
    private static AbstractMockHttpServletRequestBuilder<?> request(String endpoint) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1)
                .replace("{id}", "987654321")
                .replace("{date}", "20991231")
                .replace("{name}", "dw.none")
                .replace("{accountNo}", "0")
                .replace("{key}", "none")
                .replace("{poolId}", "none")
                .replace("{jobId}", "987654321")
                .replace("{paymentId}", "none")
                .replace("{orgId}", "NONE")
                .replace("{staffId}", "NONE")
                .replace("{deptId}", "NONE")
                .replace("{custId}", "NONE")
                .replace("{orderId}", "none");
        if (method.equals("GET")) {
            return get(path);
        }
        if (path.equals("/appraisal/ftp/import")) {
            return multipart(path).file(TestBank.curveUpload("curve.csv", "")).with(csrf());
        }
        if (path.equals("/channels/targets/upload")) {
            return multipart(path)
                    .file(new MockMultipartFile("file", "t.xlsx", null, new byte[0]))
                    .param("year", "2099")
                    .with(csrf());
        }
        return post(path).param("query", "select 1").with(csrf());
    }
}
