package org.ruralbank.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operational store's behaviour, run on PostgreSQL and on the embedded H2 by the subclasses: migrations, the
 * org tree's paths and scopes, users, passwords, lock-out and the audit log.
 */
abstract class PlatformStoreContract {

    @Autowired
    ApplicationContext ctx;

    @Autowired
    Orgs orgs;

    @Autowired
    StaffUsers users;

    @Autowired
    AuditEvents audit;

    @Autowired
    JdbcClient db;

    @Autowired
    Flyway flyway;

    TestBank bank;

    @BeforeEach
    void setUp() {
        bank = new TestBank(ctx);
    }

    @Test
    void migrationsAreAppliedAndCurrent() {
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().applied())
                .isNotEmpty()
                .allSatisfy(m ->
                        assertThat(m.getState().isFailed()).as(m.getScript()).isFalse());
        for (String table : List.of("org", "staff_user", "staff_user_role", "audit_event")) {
            assertThat(db.sql("select count(*) from " + table).query(Long.class).single())
                    .isNotNegative();
        }
    }

    @Test
    void orgTreeKeepsMaterializedPaths() {
        Org branch = bank.branch("城关支行");
        Org sub = bank.subBranch(branch, "城东分理处");
        assertThat(branch.level()).isEqualTo(Org.BRANCH);
        assertThat(sub.level()).isEqualTo(Org.SUB_BRANCH);
        assertThat(sub.path()).isEqualTo(branch.path() + sub.orgId() + "/");
        assertThat(orgs.find(sub.orgId())).contains(sub);
    }

    @Test
    void scopeOfABranchCoversItsSubtreeOnly() {
        Org a = bank.branch("甲支行");
        Org a1 = bank.subBranch(a, "甲一分理处");
        Org b = bank.branch("乙支行");
        StaffPrincipal headOfA = principal(a, DataScope.ORG_AND_BELOW);

        List<String> visible =
                orgs.list(headOfA.scope()).stream().map(Org::orgId).toList();
        assertThat(visible).containsExactly(a.orgId(), a1.orgId());
        assertThat(orgs.find(b.orgId(), headOfA.scope())).isEmpty();

        List<String> ownOrgOnly = orgs.list(principal(a, DataScope.ORG).scope()).stream()
                .map(Org::orgId)
                .toList();
        assertThat(ownOrgOnly).containsExactly(a.orgId());
    }

    @Test
    void rejectsOrgsThatBreakTheTree() {
        Org branch = bank.branch("丙支行");
        Org sub = bank.subBranch(branch, "丙一分理处");
        assertThatThrownBy(() -> orgs.create(bank.uniqueId("X"), "下级", sub.orgId(), null))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.code()).isEqualTo("org.rejected.belowSubBranch"));
        assertThatThrownBy(() -> orgs.create(branch.orgId(), "重复", null, null)).isInstanceOf(Rejected.class);
        assertThatThrownBy(() -> orgs.create("BAD/ID", "坏", branch.orgId(), null))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.field()).isEqualTo("orgId"));
    }

    @Test
    void createdUserHasOneTimePasswordThatMustBeChanged() {
        Org branch = bank.branch("丁支行");
        String[] user = bank.userWithOneTimePassword(branch, Role.CM);
        StaffUser created = users.findByUsername(user[0]).orElseThrow();
        assertThat(created.mustChangePassword()).isTrue();
        assertThat(user[1]).hasSize(16).containsPattern("[0-9]").containsPattern("[a-zA-Z]");
        String hash = db.sql("select password_hash from staff_user where username = :u")
                .param("u", user[0])
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(user[1]);

        users.changeOwnPassword(user[0], user[1], "Another-Passw0rd", "Another-Passw0rd");
        assertThat(users.findByUsername(user[0]).orElseThrow().mustChangePassword())
                .isFalse();
    }

    @Test
    void passwordRulesNameTheFieldAtFault() {
        Org branch = bank.branch("戊支行");
        String[] user = bank.userWithOneTimePassword(branch, Role.CM);
        assertThatThrownBy(() -> users.changeOwnPassword(user[0], "wrong", "Good-Passw0rd", "Good-Passw0rd"))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.field()).isEqualTo("current"));
        assertThatThrownBy(() -> users.changeOwnPassword(user[0], user[1], "short1", "short1"))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.code()).isEqualTo("password.rejected.length"));
        assertThatThrownBy(
                        () -> users.changeOwnPassword(user[0], user[1], "onlyletterspassword", "onlyletterspassword"))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.code()).isEqualTo("password.rejected.mix"));
        assertThatThrownBy(() -> users.changeOwnPassword(user[0], user[1], "Good-Passw0rd", "Other-Passw0rd"))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.field()).isEqualTo("repeat"));
    }

    @Test
    void repeatedFailedLoginsLockTheAccount() {
        Org branch = bank.branch("己支行");
        String name = bank.user(branch, DataScope.ORG, Role.CM);
        for (int i = 0; i < StaffUsers.MAX_FAILED_LOGINS - 1; i++) {
            users.loginFailed(name);
        }
        assertThat(users.findByUsername(name).orElseThrow().lockedUntil()).isNull();
        users.loginFailed(name);
        StaffUser locked = users.findByUsername(name).orElseThrow();
        assertThat(locked.lockedUntil()).isNotNull();

        users.unlock(locked.userId(), Grantor.console());
        assertThat(users.findByUsername(name).orElseThrow().lockedUntil()).isNull();
    }

    @Test
    void auditorRoleStandsAloneAndSeesTheWholeBank() {
        Org branch = bank.branch("庚支行");
        assertThatThrownBy(() -> users.create(
                        new NewStaffUser(
                                bank.uniqueId("a").toLowerCase(),
                                "审计",
                                branch.orgId(),
                                null,
                                EnumSet.of(Role.AUDITOR, Role.ADMIN),
                                DataScope.ALL),
                        Grantor.console()))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.code()).isEqualTo("user.rejected.auditorAlone"));
        String auditor = bank.user(branch, DataScope.ORG, Role.AUDITOR);
        assertThat(users.findByUsername(auditor).orElseThrow().dataScope()).isEqualTo(DataScope.ALL);
    }

    @Test
    void userChangesAreAuditedWithBeforeAndAfter() {
        Org branch = bank.branch("辛支行");
        String name = bank.user(branch, DataScope.ORG, Role.CM);
        long id = bank.userId(name);
        users.update(
                id,
                "新名字",
                branch.orgId(),
                EnumSet.of(Role.CM, Role.AUTHORIZER),
                DataScope.ORG,
                true,
                Grantor.console());
        AuditEvents.Entry entry = audit
                .search(OrgScope.everything(), new AuditEvents.Filter(null, "user.update", null, null), 1, 50)
                .items()
                .stream()
                .filter(e -> name.equals(e.targetId()))
                .findFirst()
                .orElseThrow();
        assertThat(entry.before()).contains("\"roles\":\"CM\"");
        assertThat(entry.after()).contains("AUTHORIZER").contains("新名字");
    }

    @Test
    void searchPagesThroughUsersWithinScope() {
        Org branch = bank.branch("壬支行");
        for (int i = 0; i < 5; i++) {
            bank.user(branch, DataScope.ORG, Role.CM);
        }
        StaffPrincipal head = principal(branch, DataScope.ORG_AND_BELOW);
        PageOf<StaffUser> first = users.search(head.scope(), null, 1, 2);
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items()).hasSize(2);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(users.search(head.scope(), null, 3, 2).items()).hasSize(1);
    }

    private static StaffPrincipal principal(Org org, DataScope scope) {
        return new StaffPrincipal(0, "t", "t", org.orgId(), org.path(), null, EnumSet.of(Role.BRANCH_HEAD), scope);
    }
}
