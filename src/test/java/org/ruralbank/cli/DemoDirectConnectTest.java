package org.ruralbank.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralbank.directconnect.Onboarding;
import org.ruralbank.platform.Bootstrap;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.testing.OnH2;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The demo's direct connection on the demo's own store: two enterprises onboarded by maker and checker, their
 * requests sent signed over real HTTP, and a recipe with which {@code ruralbank connect} goes on from there.
 */
@OnH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoDirectConnectTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext ctx;

    @TempDir
    Path home;

    @Test
    void theDemoOnboardsTwoEnterprisesWhosePaymentsShowInTheirBalancesAndTheRecipeWorks() throws Exception {
        ctx.getBean(Bootstrap.class).ensureFirstAdmin();
        new TestBank(ctx).branch("演示支行");
        DemoDirectConnect demo = new DemoDirectConnect(ctx, home, port);

        demo.seed();

        Onboarding onboarding = ctx.getBean(Onboarding.class);
        assertThat(onboarding
                        .changes(OrgScope.everything(), "APPROVED", DemoDirectConnect.COOPERATIVE, 1, 50)
                        .items())
                .isNotEmpty()
                .allSatisfy(c -> {
                    assertThat(c.maker()).isEqualTo(DemoDirectConnect.MAKER);
                    assertThat(c.checker()).isEqualTo(Bootstrap.FIRST_ADMIN);
                });
        String recipe = Files.readString(demo.recipe());
        String balancesCommand = recipe.lines()
                .filter(l -> l.contains("coop-cashier") && l.contains(" balances "))
                .findFirst()
                .orElseThrow()
                .trim();
        String[] args = balancesCommand.substring("./ruralbank ".length()).split(" ");
        UsersCommandTest.Result balances = UsersCommandTest.run(args);
        assertThat(balances.status()).as(balances.err()).isZero();
        // 1,280,000.00 less the two demo payments of 18,600.00 and 2,350.50; 36,000.00 plus them
        assertThat(balances.out()).contains("1259049.50").contains("56950.50");

        UsersCommandTest.Result reconciliation = UsersCommandTest.run(recipe.lines()
                .filter(l -> l.contains("bureau-payer"))
                .findFirst()
                .orElseThrow()
                .trim()
                .substring("./ruralbank ".length())
                .split(" "));
        assertThat(reconciliation.status()).as(reconciliation.err()).isZero();
        assertThat(reconciliation.out()).contains("12345.67");

        long changes =
                onboarding.changes(OrgScope.everything(), null, null, 1, 500).total();
        demo.seed();
        assertThat(onboarding.changes(OrgScope.everything(), null, null, 1, 500).total())
                .as("a seeded home is left alone")
                .isEqualTo(changes);
    }
}
