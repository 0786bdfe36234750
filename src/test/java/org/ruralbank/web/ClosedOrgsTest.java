package org.ruralbank.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ruralbank.directconnect.Onboarding;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Grantor;
import org.ruralbank.platform.NewStaffUser;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffUsers;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A closed org (the placeholder head office CORE_ORG superseded, a branch CORE_ORG closed) is offered in no org
 * filter and as no parent or org of anything new; the services refuse it when it is posted all the same.
 */
@OnPostgres
class ClosedOrgsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    JdbcClient db;

    @Test
    void aClosedOrgIsOfferedInNoFilterAndAsNoParentOrOrgOfAnythingNew() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org open = bank.branch("开业支行");
        Org closed = bank.branch("已撤销支行");
        db.sql("update org set status = 'C' where org_id = :id")
                .param("id", closed.orgId())
                .update();
        MockHttpSession admin = TestBank.login(
                mvc, bank.user(bank.headOffice(), DataScope.ALL, Role.ADMIN, Role.EBANK), TestBank.PASSWORD);

        for (String page : List.of(
                "/orgs", "/users/new", "/directconnect/enterprises/new", "/channels/cards", "/channels/online")) {
            String html = mvc.perform(get(page).session(admin))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(html).as(page).contains("value=\"" + open.orgId() + "\"");
            assertThat(html).as(page).doesNotContain("<option value=\"" + closed.orgId() + "\"");
        }

        Orgs orgs = ctx.getBean(Orgs.class);
        assertThatThrownBy(() -> orgs.create(bank.uniqueId("S"), "新网点", closed.orgId(), "城关镇"))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.field()).isEqualTo("parentOrgId"));
        assertThatThrownBy(() -> ctx.getBean(StaffUsers.class)
                        .create(
                                new NewStaffUser(
                                        bank.uniqueId("u"),
                                        "新员工",
                                        closed.orgId(),
                                        null,
                                        Set.of(Role.CM),
                                        DataScope.OWN_CUSTOMERS),
                                Grantor.console()))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.field()).isEqualTo("orgId"));
        Onboarding onboarding = ctx.getBean(Onboarding.class);
        var maker = bank.principal(bank.user(bank.headOffice(), DataScope.ALL, Role.EBANK));
        assertThatThrownBy(() -> onboarding.propose(
                        Onboarding.Kind.ENTERPRISE.change(
                                Map.of("enterpriseId", bank.uniqueId("C"), "name", "撤销机构企业", "orgId", closed.orgId())),
                        maker))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.field()).isEqualTo("orgId"));
    }

    @Test
    void overLongFieldsOfNewOrgsAndUsersAreRefusedNamingTheField() {
        TestBank bank = new TestBank(ctx);
        Org branch = bank.branch("字段支行");
        assertThatThrownBy(
                        () -> ctx.getBean(Orgs.class).create(bank.uniqueId("S"), "新网点", branch.orgId(), "镇".repeat(31)))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.field()).isEqualTo("townName"));
        assertThatThrownBy(() -> ctx.getBean(StaffUsers.class)
                        .create(
                                new NewStaffUser(
                                        bank.uniqueId("u"),
                                        "新员工",
                                        branch.orgId(),
                                        "S".repeat(13),
                                        Set.of(Role.CM),
                                        DataScope.OWN_CUSTOMERS),
                                Grantor.console()))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.field()).isEqualTo("staffId"));
    }
}
