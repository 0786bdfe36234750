package org.ruralbank.channels;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.testing.TestBank;
import org.ruralbank.testing.TestStores;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.context.ApplicationContext;

/**
 * The small bank of the channel figure tests: the head office, branch A with its sub-branch A1, and branch B. The
 * orgs live in the operational store, where the services look up an org filter and its subtree, and in a warehouse
 * of the test's own, so that no other test's rows enter a count. Rows are added through {@link #rows}.
 */
final class FixtureBank implements AutoCloseable {

    final Orgs orgs;
    final Org head;
    final Org a;
    final Org a1;
    final Org b;
    final Warehouse warehouse;
    final ChannelReads reads;
    final ChannelFixture rows;

    /** Creates the orgs and writes the org tree for every one of {@code dates}. */
    FixtureBank(ApplicationContext ctx, String... dates) {
        TestBank bank = new TestBank(ctx);
        orgs = ctx.getBean(Orgs.class);
        a = bank.branch("甲支行");
        a1 = bank.subBranch(a, "甲一分理处");
        b = bank.branch("乙支行");
        head = orgs.find(a.parentOrgId()).orElseThrow();
        Path home = TestStores.tempHome();
        warehouse = Warehouse.under(home, false);
        reads = new ChannelReads(warehouse, orgs);
        rows = new ChannelFixture(warehouse.engine());
        for (String d : dates) {
            for (Org o : new Org[] {head, a, a1, b}) {
                rows.org(d, o);
            }
        }
    }

    /** Builds the warehouse for {@code dates}, in ascending order. */
    void build(String... dates) {
        warehouse.engine().inTransaction(() -> warehouse.runner().build(
                Arrays.stream(dates).map(LocalDate::parse).sorted().toList(), s -> { }));
    }

    /** The scope of a user of {@code org} who sees it and everything below it. */
    static OrgScope scopeOf(Org org) {
        return OrgScope.of(new StaffPrincipal(1, "u", "u", org.orgId(), org.path(), null, Set.of(),
                DataScope.ORG_AND_BELOW));
    }

    @Override
    public void close() {
        warehouse.close();
    }
}
