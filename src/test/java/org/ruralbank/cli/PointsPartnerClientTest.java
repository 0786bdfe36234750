package org.ruralbank.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralbank.directconnect.RequestSigning;
import org.ruralbank.platform.Org;
import org.ruralbank.points.PointsFixture;
import org.ruralbank.points.PointsLedger;
import org.ruralbank.points.Redemptions;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/**
 * The partners' client over real HTTP: an e-commerce partner quotes, holds, confirms and refunds with {@code
 * ruralbank points partner}, an alliance merchant redeems at the counter, each request signed with the partner's key
 * file; a request signed with another key is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = OnPostgres.Store.class)
class PointsPartnerClientTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    Redemptions redemptions;

    @Autowired
    PointsLedger ledger;

    @TempDir
    Path dir;

    private int partner(String partnerId, String... args) throws Exception {
        Path key = dir.resolve("private.pem");
        Files.writeString(
                key,
                RequestSigning.pem("PRIVATE KEY", PointsFixture.KEY.getPrivate().getEncoded()));
        String[] all = new String[args.length + 8];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(
                new String[] {
                    "--url",
                    "http://localhost:" + port,
                    "--key-id",
                    partnerId,
                    "--private-key",
                    key.toString(),
                    "--algorithm",
                    "ECDSA_P256_SHA256"
                },
                0,
                all,
                args.length,
                8);
        return new CommandLine(new PointsPartnerCommand()).execute(all);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> answer() throws Exception {
        return JsonMapper.shared().readValue(Files.readString(dir.resolve("answer.json")), Map.class);
    }

    @Test
    void aPartnerAndAMerchantSpendPointsThroughTheClient() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org org = bank.branch("客户端支行");
        String shop = bank.uniqueId("CS").replaceAll("[^A-Z0-9]", "");
        String merchant = bank.uniqueId("CM").replaceAll("[^A-Z0-9]", "");
        PointsFixture.partner(ctx, shop, "ONLINE", org);
        PointsFixture.partner(ctx, merchant, "MERCHANT", org);
        String cust = bank.uniqueId("CC");
        String card = "6217" + String.format("%012d", System.nanoTime() % 1_000_000_000_000L);
        PointsFixture.customerWithPoints(ctx, cust, org, 1000);
        String out = dir.resolve("answer.json").toString();

        assertThat(partner(shop, "quote", "12.50", "--out", out)).isZero();
        assertThat(answer()).containsEntry("points", 1250);

        String code = redemptions.issueCode(card, cust);
        assertThat(partner(
                        shop,
                        "hold",
                        "--order",
                        "web-1",
                        "--card",
                        card,
                        "--code",
                        code,
                        "--points",
                        "300",
                        "--out",
                        out))
                .isZero();
        assertThat(answer()).containsEntry("status", "HELD");
        assertThat(partner(shop, "confirm", "web-1", "--out", out)).isZero();
        assertThat(answer()).containsEntry("status", "CONFIRMED");
        assertThat(partner(shop, "refund", "web-1", "--out", out)).isZero();
        assertThat(partner(shop, "order", "web-1", "--out", out)).isZero();
        assertThat(answer()).containsEntry("status", "REFUNDED");

        String counter = redemptions.issueCode(card, cust);
        assertThat(partner(
                        merchant,
                        "redeem",
                        "--order",
                        "pos-1",
                        "--card",
                        card,
                        "--code",
                        counter,
                        "--points",
                        "200",
                        "--out",
                        out))
                .isZero();
        assertThat(answer()).containsEntry("status", "REDEEMED");
        assertThat(partner(
                        merchant,
                        "redeem",
                        "--order",
                        "pos-2",
                        "--card",
                        card,
                        "--code",
                        counter,
                        "--points",
                        "1",
                        "--out",
                        out))
                .as("a refusal exits with 1 and prints the problem")
                .isEqualTo(1);
        assertThat(answer()).containsEntry("refusal", "CODE_INVALID");
        assertThat(ledger.balance(PointsLedger.customerAccount(cust))
                        .orElseThrow()
                        .balance())
                .isEqualTo(800);
        assertThat(partner(
                        merchant, "points", "--card", card, "--code", redemptions.issueCode(card, cust), "--out", out))
                .isZero();
        assertThat(answer()).containsEntry("balance", 800).containsEntry("available", 800);

        Path other = dir.resolve("other");
        ConnectCommand.Keygen.write(RequestSigning.Algorithm.ECDSA_P256_SHA256, other);
        int refused = new CommandLine(new PointsPartnerCommand())
                .execute(
                        "order",
                        "pos-1",
                        "--url",
                        "http://localhost:" + port,
                        "--key-id",
                        merchant,
                        "--private-key",
                        other.resolve("private.pem").toString(),
                        "--algorithm",
                        "ECDSA_P256_SHA256",
                        "--out",
                        out);
        assertThat(refused).as("signed with a key the bank does not know").isEqualTo(1);
    }
}
