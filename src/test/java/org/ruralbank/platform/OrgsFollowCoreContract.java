package org.ruralbank.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The org tree follows the provincial union's CORE_ORG and staff users follow CORE_STAFF, on PostgreSQL and on the
 * embedded H2 (subclasses). Each test works on a head office of its own.
 */
abstract class OrgsFollowCoreContract {

    @Autowired
    ApplicationContext ctx;

    @Autowired
    Orgs orgs;

    @Autowired
    StaffUsers users;

    TestBank bank;
    String head;
    String b1;
    String b2;
    String s1;

    @BeforeEach
    void setUp() {
        bank = new TestBank(ctx);
        head = bank.uniqueId("H");
        b1 = bank.uniqueId("B");
        b2 = bank.uniqueId("B");
        s1 = bank.uniqueId("S");
    }

    List<CoreOrgRow> tree() {
        return List.of(
                new CoreOrgRow(head, "总行", 1, null, "城关镇", "A"),
                new CoreOrgRow(b1, "城关支行", 2, head, "城关镇", "A"),
                new CoreOrgRow(b2, "郑武支行", 2, head, "郑武镇", "A"),
                new CoreOrgRow(s1, "城东分理处", 3, b1, "城关镇", "A"));
    }

    @Test
    void buildsPathsFromTheParentChain() {
        orgs.followCore(tree());
        assertThat(orgs.find(s1))
                .get()
                .extracting(Org::path, Org::level, Org::source, Org::open)
                .containsExactly("/" + head + "/" + b1 + "/" + s1 + "/", 3, "CORE", true);
        assertThat(orgs.find(b2).orElseThrow().path()).isEqualTo("/" + head + "/" + b2 + "/");
    }

    @Test
    void theHandMadeHeadOfficeIsSupersededAndItsUsersMove() {
        orgs.followCore(tree());
        assertThat(orgs.find(Bootstrap.HEAD_OFFICE_ID))
                .get()
                .extracting(Org::open)
                .isEqualTo(false);
        String adminOrg =
                users.findByUsername(Bootstrap.FIRST_ADMIN).orElseThrow().orgId();
        assertThat(orgs.find(adminOrg).orElseThrow().level()).isEqualTo(Org.HEAD_OFFICE);
        assertThat(orgs.find(adminOrg).orElseThrow().source()).isEqualTo("CORE");
    }

    @Test
    void closedAndVanishedOrgsAreMarkedClosedAndUsersKeepTheirOrg() {
        orgs.followCore(tree());
        String user = bank.user(orgs.find(s1).orElseThrow(), DataScope.ORG, Role.CM);
        List<CoreOrgRow> next = List.of(tree().get(0), new CoreOrgRow(b1, "城关支行", 2, head, "城关镇", "C"), tree().get(2));

        orgs.followCore(next);

        assertThat(orgs.find(b1).orElseThrow().open()).isFalse();
        assertThat(orgs.find(s1).orElseThrow().open()).isFalse();
        assertThat(orgs.find(b2).orElseThrow().open()).isTrue();
        assertThat(users.findByUsername(user).orElseThrow().orgId()).isEqualTo(s1);
    }

    @Test
    void aMovedOrgGetsItsNewPathAndRepeatingChangesNothing() {
        orgs.followCore(tree());
        List<CoreOrgRow> moved =
                List.of(tree().get(0), tree().get(1), tree().get(2), new CoreOrgRow(s1, "城东分理处", 3, b2, "郑武镇", "A"));
        assertThat(orgs.followCore(moved)).isEqualTo(1);
        assertThat(orgs.find(s1).orElseThrow().path()).isEqualTo("/" + head + "/" + b2 + "/" + s1 + "/");
        assertThat(orgs.followCore(moved)).isZero();
    }

    @Test
    void usersOfStaffWhoLeftAreDisabled() {
        orgs.followCore(tree());
        String staffId = bank.uniqueId("T");
        String name = bank.uniqueId("u").toLowerCase();
        users.create(
                new NewStaffUser(name, "离职员工", b1, staffId, EnumSet.of(Role.CM), DataScope.ORG), Grantor.console());
        users.followCore(List.of(new CoreStaffRow(staffId, "离职员工", b1, "CM", "A")));
        assertThat(users.findByUsername(name).orElseThrow().enabled()).isTrue();
        users.followCore(List.of(new CoreStaffRow(staffId, "离职员工", b1, "CM", "L")));
        assertThat(users.findByUsername(name).orElseThrow().enabled()).isFalse();
        assertThat(users.findByUsername(name).orElseThrow().orgId()).isEqualTo(b1);
    }
}
