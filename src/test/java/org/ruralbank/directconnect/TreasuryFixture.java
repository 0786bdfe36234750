package org.ruralbank.directconnect;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/** A finance bureau (an enterprise of kind TREASURY) onboarded through maker-checker, with its paying account. */
public final class TreasuryFixture {

    public static final String HEADER =
            "fiscal_year,budget_unit_code,budget_unit_name,economic_code,economic_name," + "quota_yuan";

    public final DirectConnectFixture f;
    public final String bureau;
    /** The bureau's account treasury payments are debited from. */
    public final String account;

    public TreasuryFixture(ApplicationContext ctx, String openingYuan) {
        f = new DirectConnectFixture(ctx);
        bureau = f.bank.uniqueId("T");
        f.apply(
                Onboarding.Kind.ENTERPRISE,
                Map.of("enterpriseId", bureau, "name", "区财政局", "kind", "TREASURY", "orgId", f.branch.orgId()));
        account = f.account(bureau, openingYuan);
    }

    /** A quota file: the header and the given lines. */
    public static byte[] csv(String... lines) {
        return (HEADER + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
