package org.ruralbank.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.AuditEvents;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Grantor;
import org.ruralbank.platform.NewStaffUser;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Refused;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffUser;
import org.ruralbank.platform.StaffUsers;
import org.ruralbank.platform.UserChange;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12, hole 1: a branch administrator cannot make themselves (or anyone) administrator of the whole bank, and
 * granting administration or the whole bank takes two whole-bank administrators.
 */
@OnPostgres
class GrantsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    StaffUsers users;

    @Autowired
    AuditEvents audit;

    TestBank bank;
    Org branch;
    String branchAdmin;
    MockHttpSession asBranchAdmin;

    @BeforeEach
    void aBranchAdministrator() throws Exception {
        bank = new TestBank(ctx);
        branch = bank.branch("授权支行");
        branchAdmin = bank.user(branch, DataScope.ORG_AND_BELOW, Role.ADMIN);
        asBranchAdmin = TestBank.login(mvc, branchAdmin, TestBank.PASSWORD);
    }

    @Test
    void branchAdministratorCannotGiveThemselvesTheWholeBank() throws Exception {
        StaffUser before = users.findByUsername(branchAdmin).orElseThrow();
        String page = mvc.perform(post("/users/" + before.userId())
                        .session(asBranchAdmin)
                        .with(csrf())
                        .param("displayName", before.displayName())
                        .param("orgId", branch.orgId())
                        .param("roles", "ADMIN")
                        .param("dataScope", "ALL")
                        .param("enabled", "true"))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("不能授予超出您自身管理范围的数据范围");
        assertThat(users.findByUsername(branchAdmin).orElseThrow()).isEqualTo(before);
        assertThat(denied("user.update", String.valueOf(before.userId()))).isTrue();
    }

    @Test
    void branchAdministratorCannotAddRolesToThemselvesOrMoveUpTheTree() throws Exception {
        StaffUser before = users.findByUsername(branchAdmin).orElseThrow();
        mvc.perform(post("/users/" + before.userId())
                        .session(asBranchAdmin)
                        .with(csrf())
                        .param("displayName", before.displayName())
                        .param("orgId", branch.orgId())
                        .param("roles", "ADMIN", "AUTHORIZER")
                        .param("dataScope", "ORG_AND_BELOW")
                        .param("enabled", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/users/" + before.userId())
                        .session(asBranchAdmin)
                        .with(csrf())
                        .param("displayName", before.displayName())
                        .param("orgId", bank.headOffice().orgId())
                        .param("roles", "ADMIN")
                        .param("dataScope", "ORG_AND_BELOW")
                        .param("enabled", "true"))
                .andExpect(status().isBadRequest());
        assertThat(users.findByUsername(branchAdmin).orElseThrow()).isEqualTo(before);
    }

    @Test
    void branchAdministratorCannotCreateAUserWithTheWholeBankOrARoleTheyLack() throws Exception {
        String wide = bank.uniqueId("w").toLowerCase();
        mvc.perform(post("/users")
                        .session(asBranchAdmin)
                        .with(csrf())
                        .param("username", wide)
                        .param("displayName", "全行")
                        .param("orgId", branch.orgId())
                        .param("roles", "CM")
                        .param("dataScope", "ALL"))
                .andExpect(status().isForbidden());
        String auditor = bank.uniqueId("w").toLowerCase();
        String page = mvc.perform(post("/users")
                        .session(asBranchAdmin)
                        .with(csrf())
                        .param("username", auditor)
                        .param("displayName", "审计")
                        .param("orgId", branch.orgId())
                        .param("roles", "AUDITOR")
                        .param("dataScope", "ORG"))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("您不能授予角色 AUDITOR");
        assertThat(users.findByUsername(wide)).isEmpty();
        assertThat(users.findByUsername(auditor)).isEmpty();
        assertThat(denied("user.create", wide)).isTrue();
    }

    @Test
    void branchAdministratorCannotResetTheHeadOfficeAdministratorsPassword() throws Exception {
        long admin = bank.userId("admin");
        mvc.perform(post("/users/" + admin + "/reset-password")
                        .session(asBranchAdmin)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        // nor that of a whole-bank user who sits in their own branch
        String wholeBankHere = bank.user(branch, DataScope.ALL, Role.ADMIN);
        StaffUser before = users.findByUsername(wholeBankHere).orElseThrow();
        mvc.perform(post("/users/" + before.userId() + "/reset-password")
                        .session(asBranchAdmin)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/users/" + before.userId())
                        .session(asBranchAdmin)
                        .with(csrf())
                        .param("displayName", "x")
                        .param("orgId", branch.orgId())
                        .param("roles", "CM")
                        .param("dataScope", "ORG")
                        .param("enabled", "false"))
                .andExpect(status().isForbidden());
        assertThat(users.findByUsername(wholeBankHere).orElseThrow()).isEqualTo(before);
        assertThat(TestBank.login(mvc, wholeBankHere, TestBank.PASSWORD)).isNotNull();
    }

    @Test
    void branchAdministratorManagesTheWorkingRolesOfTheirBranch() throws Exception {
        String name = bank.uniqueId("c").toLowerCase();
        mvc.perform(post("/users")
                        .session(asBranchAdmin)
                        .with(csrf())
                        .param("username", name)
                        .param("displayName", "客户经理")
                        .param("orgId", branch.orgId())
                        .param("roles", "CM", "AUTHORIZER")
                        .param("dataScope", "OWN_CUSTOMERS"))
                .andExpect(status().is3xxRedirection());
        assertThat(users.findByUsername(name).orElseThrow().roles())
                .containsExactlyInAnyOrder(Role.CM, Role.AUTHORIZER);
    }

    @Test
    void grantingAdministrationNeedsASecondWholeBankAdministrator() throws Exception {
        String maker = bank.user(bank.headOffice(), DataScope.ALL, Role.ADMIN);
        String checker = bank.user(bank.headOffice(), DataScope.ALL, Role.ADMIN);
        MockHttpSession asMaker = TestBank.login(mvc, maker, TestBank.PASSWORD);
        String name = bank.uniqueId("a").toLowerCase();
        mvc.perform(post("/users")
                        .session(asMaker)
                        .with(csrf())
                        .param("username", name)
                        .param("displayName", "新管理员")
                        .param("orgId", branch.orgId())
                        .param("roles", "ADMIN")
                        .param("dataScope", "ALL"))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(r.getFlashMap().get("proposed")).isNotNull());
        assertThat(users.findByUsername(name))
                .as("nothing granted before the approval")
                .isEmpty();
        long proposal = users.pendingProposals(Grantor.console()).stream()
                .filter(p -> p.username().equals(name))
                .findFirst()
                .orElseThrow()
                .proposalId();

        // not by its maker, not by a branch administrator
        mvc.perform(post("/users/proposals/" + proposal + "/approve")
                        .session(asMaker)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/users/proposals/" + proposal + "/approve")
                        .session(asBranchAdmin)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(users.findByUsername(name)).isEmpty();

        MockHttpSession asChecker = TestBank.login(mvc, checker, TestBank.PASSWORD);
        mvc.perform(post("/users/proposals/" + proposal + "/approve")
                        .session(asChecker)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat((String) r.getFlashMap().get("oneTimePassword"))
                        .hasSize(16));
        StaffUser made = users.findByUsername(name).orElseThrow();
        assertThat(made.roles()).containsExactly(Role.ADMIN);
        assertThat(made.dataScope()).isEqualTo(DataScope.ALL);
        assertThat(users.proposal(proposal).orElseThrow().checker()).isEqualTo(checker);
        // decided once
        mvc.perform(post("/users/proposals/" + proposal + "/approve")
                        .session(asChecker)
                        .with(csrf()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aBranchAdministratorsGrantOfAdministrationWaitsForTheHeadOffice() {
        var actor = Grantor.of(bank.principal(branchAdmin));
        String name = bank.user(branch, DataScope.ORG, Role.CM);
        StaffUser u = users.findByUsername(name).orElseThrow();
        UserChange change = users.update(
                u.userId(), u.displayName(), branch.orgId(), EnumSet.of(Role.ADMIN), DataScope.ORG, true, actor);
        assertThat(change).isInstanceOf(UserChange.Proposed.class);
        assertThat(users.findByUsername(name).orElseThrow().roles()).containsExactly(Role.CM);
        // one open proposal per user, held by the database
        assertThatThrownBy(() -> users.update(
                        u.userId(),
                        u.displayName(),
                        branch.orgId(),
                        EnumSet.of(Role.ADMIN),
                        DataScope.ORG_AND_BELOW,
                        true,
                        actor))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.code()).isEqualTo("user.rejected.pendingProposal"));
        users.approve(((UserChange.Proposed) change).proposalId(), bank.firstAdministrator());
        assertThat(users.findByUsername(name).orElseThrow().roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void changingOrResettingAWholeBankAdministratorIsAProposalAndNeverTheirOwnToApprove() {
        String target = bank.user(bank.headOffice(), DataScope.ALL, Role.ADMIN);
        String other = bank.user(bank.headOffice(), DataScope.ALL, Role.ADMIN);
        StaffUser t = users.findByUsername(target).orElseThrow();
        var byOther = Grantor.of(bank.principal(other));
        UserChange disable =
                users.update(t.userId(), t.displayName(), t.orgId(), t.roles(), t.dataScope(), false, byOther);
        assertThat(disable).isInstanceOf(UserChange.Proposed.class);
        assertThat(users.findByUsername(target).orElseThrow().enabled()).isTrue();
        assertThatThrownBy(() -> users.approve(((UserChange.Proposed) disable).proposalId(), bank.principal(target)))
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.code()).isEqualTo("user.refused.checkerIsTarget"));
        users.reject(((UserChange.Proposed) disable).proposalId(), "不停用", bank.firstAdministrator());

        UserChange reset = users.resetPassword(t.userId(), byOther);
        assertThat(reset).isInstanceOf(UserChange.Proposed.class);
        UserChange done = users.approve(((UserChange.Proposed) reset).proposalId(), bank.firstAdministrator());
        assertThat(done).isInstanceOf(UserChange.PasswordReset.class);
        assertThat(users.findByUsername(target).orElseThrow().mustChangePassword())
                .isTrue();
    }

    @Test
    void theConsoleProposesWholeBankGrantsLikeAnyoneAndCannotApprove() {
        String name = bank.uniqueId("k").toLowerCase();
        UserChange change = users.create(
                new NewStaffUser(name, "控制台", branch.orgId(), null, EnumSet.of(Role.EBANK), DataScope.ALL),
                Grantor.console());
        assertThat(change).isInstanceOf(UserChange.Proposed.class);
        assertThat(users.findByUsername(name)).isEmpty();
        assertThat(users.proposal(((UserChange.Proposed) change).proposalId())
                        .orElseThrow()
                        .maker())
                .startsWith("console:");
        // an ordinary grant from the console applies at once
        assertThat(users.create(
                        new NewStaffUser(
                                bank.uniqueId("k").toLowerCase(),
                                "控制台",
                                branch.orgId(),
                                null,
                                EnumSet.of(Role.CM),
                                DataScope.ORG),
                        Grantor.console()))
                .isInstanceOf(UserChange.Created.class);
    }

    @Test
    void reachContainsOnlyWhatItCovers() {
        Org sub = bank.subBranch(branch, "授权分理处");
        OrgScope branchWide = bank.principal(branchAdmin).scope();
        assertThat(branchWide.contains(sub.path(), DataScope.ORG_AND_BELOW)).isTrue();
        assertThat(branchWide.contains(branch.path(), DataScope.ALL)).isFalse();
        assertThat(branchWide.contains(bank.headOffice().path(), DataScope.ORG)).isFalse();
        assertThat(branchWide.contains(bank.branch("别的支行").path(), DataScope.ORG))
                .isFalse();
    }

    private boolean denied(String action, String target) {
        return audit
                .search(OrgScope.everything(), new AuditEvents.Filter(branchAdmin, action, null, null), 1, 50)
                .items()
                .stream()
                .anyMatch(e -> "DENIED".equals(e.outcome()) && target.equals(e.targetId()));
    }
}
