package org.ruralbank.directconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ruralbank.directconnect.internal.OnboardingChanges;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A maker's fields are held to what the store can keep when they are proposed, with the message under the field;
 * a proposal that cannot be applied all the same (one stored before the check, one the store refuses) is rejected
 * with its reason when approved: never a server error, never pending for ever.
 */
@OnPostgres
class OnboardingFieldWidthsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    JdbcClient db;

    @Autowired
    OnboardingChanges stored;

    @Test
    void refusesAnEnterpriseNameLongerThanItsColumnAtProposalUnderTheField() throws Exception {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        MockHttpSession maker =
                TestBank.login(mvc, f.bank.user(f.branch, DataScope.ORG_AND_BELOW, Role.EBANK), TestBank.PASSWORD);
        String ent = f.bank.uniqueId("L");
        String longName = "县".repeat(101);
        MvcResult sent = mvc.perform(post("/directconnect/changes")
                        .session(maker)
                        .with(csrf())
                        .param("kind", "ENTERPRISE")
                        .param("enterpriseId", ent)
                        .param("name", longName)
                        .param("orgId", f.branch.orgId()))
                .andExpect(redirectedUrl("/directconnect/enterprises/new"))
                .andReturn();
        String form = mvc.perform(
                        get("/directconnect/enterprises/new").session(maker).flashAttrs(sent.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form).contains("data-error-for=\"name\"", "名称不能超过 100 个字", "value=\"" + longName + "\"");
        assertThat(db.sql("select count(*) from dc_change where enterprise_id = :e")
                        .param("e", ent)
                        .query(Long.class)
                        .single())
                .isZero();
        // exactly as long as the column: proposed
        f.onboarding.propose(
                Onboarding.Kind.ENTERPRISE.change(
                        Map.of("enterpriseId", ent, "name", "县".repeat(100), "orgId", f.branch.orgId())),
                f.maker);
    }

    @Test
    void aStoredProposalWithAnOverLongNameIsRejectedWithItsReasonWhenApproved() throws Exception {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        MockHttpSession checker = TestBank.login(
                mvc, f.bank.user(f.branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD), TestBank.PASSWORD);
        String ent = f.bank.uniqueId("L");
        // as the page stored it before the width was checked
        long id = stored.insert(
                Onboarding.Kind.ENTERPRISE.stored(
                        Map.of("enterpriseId", ent, "name", "农".repeat(150), "orgId", f.branch.orgId())),
                f.branch.path(),
                f.maker.username(),
                OffsetDateTime.now());

        MvcResult approved = mvc.perform(post("/directconnect/changes/" + id + "/approve")
                        .session(checker)
                        .with(csrf()))
                .andExpect(redirectedUrl("/directconnect/changes"))
                .andReturn();
        String page = mvc.perform(get("/directconnect/changes?status=REJECTED&enterprise=" + ent)
                        .session(checker)
                        .flashAttrs(approved.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"unapplicable\"", "名称不能超过 100 个字");
        Onboarding.Change after = f.onboarding
                .find(id, org.ruralbank.platform.OrgScope.everything())
                .orElseThrow();
        assertThat(after.status()).isEqualTo("REJECTED");
        assertThat(f.onboarding.text(after.outcome(), null)).contains("名称不能超过 100 个字");
        assertThat(db.sql("select count(*) from dc_enterprise where enterprise_id = :e")
                        .param("e", ent)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aProposalTheStoreRefusesIsRejectedAndWhatItDidIsUndone() {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        String ent = f.enterprise("资金池企业");
        String member = f.account(ent, "100");
        // a pool whose parent account does not exist: nothing checks it before the store's foreign key does
        long id = f.onboarding.propose(
                Onboarding.Kind.POOL.change(Map.of(
                        "enterpriseId",
                        ent,
                        "poolId",
                        f.bank.uniqueId("P"),
                        "parentAccount",
                        "NOSUCH0001",
                        "members",
                        member + ":ZERO")),
                f.maker);

        Onboarding.Change after = f.onboarding.approve(id, f.checker);

        assertThat(after.status()).isEqualTo("REJECTED");
        assertThat(f.onboarding.text(after.outcome(), null)).contains("数据库拒绝写入该变更");
        assertThat(db.sql("select count(*) from dc_pool where enterprise_id = :e")
                        .param("e", ent)
                        .query(Long.class)
                        .single())
                .isZero();
        // the transaction goes on after the refusal: the next change of the enterprise applies
        assertThat(f.apply(Onboarding.Kind.STATUS, Map.of("enterpriseId", ent, "status", "SUSPENDED"))
                        .status())
                .isEqualTo("APPROVED");
    }
}
