package org.ruralbank.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ruralbank.directconnect.DirectConnectFixture;
import org.ruralbank.directconnect.Onboarding;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffUsers;
import org.ruralbank.testing.OnH2;
import org.ruralbank.testing.TestBank;
import org.ruralbank.testing.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.BadCredentialsException;

/** {@code ruralbank directconnect}: who may act as maker or checker, and how a refusal reads. */
@OnH2
class DirectConnectCommandTest {

    @Autowired
    ConfigurableApplicationContext ctx;

    @Test
    void staffWhoNeverChangedTheirOneTimePasswordCannotSignIn() {
        TestBank bank = new TestBank(ctx);
        String[] oneTime = bank.userWithOneTimePassword(bank.branch("命令行支行"), Role.EBANK);
        assertThatThrownBy(() -> DirectConnectCommand.signIn(ctx, oneTime[0], oneTime[1]))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessageContaining("one-time password");
        ctx.getBean(StaffUsers.class).changeOwnPassword(oneTime[0], oneTime[1], TestBank.PASSWORD, TestBank.PASSWORD);
        assertThat(DirectConnectCommand.signIn(ctx, oneTime[0], TestBank.PASSWORD)
                        .username())
                .isEqualTo(oneTime[0]);
        assertThatThrownBy(() -> DirectConnectCommand.signIn(ctx, oneTime[0], oneTime[1]))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessageContaining("wrong username or password");
    }

    @Test
    void aMakerCheckerRefusalReadsInWordsNotAsItsKey() {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        long id = f.onboarding.propose(
                Onboarding.Kind.ENTERPRISE.change(
                        Map.of("enterpriseId", f.bank.uniqueId("E"), "name", "自审企业", "orgId", f.branch.orgId())),
                f.maker);
        Rejected sameChecker = catchThrowableOfType(Rejected.class, () -> f.onboarding.approve(id, f.maker));
        assertThat(Refusals.describe(ctx, sameChecker))
                .isEqualTo("rejected (checker): 经办人不能复核自己提交的申请。 / The maker cannot approve their own change.");
    }

    @Test
    void theCommandPrintsARefusalInWords() {
        UsersCommandTest.Result r = UsersCommandTest.run(
                "--home",
                TestStores.tempHome().toString(),
                "directconnect",
                "propose",
                "--maker",
                "nobody",
                "ENTERPRISE",
                "no-equals-sign");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err())
                .contains("rejected (no-equals-sign): 请填写 name=value。 / name=value is required.")
                .doesNotContain("dc.rejected");
    }
}
