package org.ruralbank.points;

import java.security.KeyPair;
import java.time.LocalDate;
import java.util.Base64;
import org.ruralbank.directconnect.RequestSigning;
import org.ruralbank.platform.Org;
import org.ruralbank.points.internal.JdbcPartners;
import org.springframework.context.ApplicationContext;

/** Points data of one org for the page and reach tests: a customer with points, a partner. */
public final class PointsFixture {

    public static final KeyPair KEY = RequestSigning.generate(RequestSigning.Algorithm.ECDSA_P256_SHA256);

    private PointsFixture() {}

    /** Opens the customer's account at the org and earns it {@code points} (expiring at the end of 2099). */
    public static void customerWithPoints(ApplicationContext ctx, String custId, Org org, long points) {
        PointsLedger ledger = ctx.getBean(PointsLedger.class);
        ledger.openCustomer(custId, org.path());
        ledger.transfer(PointsLedger.Transfer.posted(
                "fixture-" + custId,
                PointsLedger.ISSUANCE,
                PointsLedger.customerAccount(custId),
                points,
                LocalDate.of(2099, 12, 31),
                "EARN",
                "fixture",
                LocalDate.of(2025, 6, 30)));
    }

    /** An e-commerce partner (or alliance merchant) at the org, 100 points a yuan, signing with {@link #KEY}. */
    public static void partner(ApplicationContext ctx, String partnerId, String kind, Org org) {
        ctx.getBean(PointsLedger.class).openMerchant("M-" + partnerId, org.path());
        ctx.getBean(JdbcPartners.class)
                .insert(new org.ruralbank.points.Partner(
                        partnerId,
                        "合作方" + partnerId,
                        kind,
                        org.path(),
                        "M-" + partnerId,
                        100,
                        "ECDSA_P256_SHA256",
                        publicKey(),
                        LocalDate.of(2020, 1, 1),
                        null));
    }

    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEY.getPublic().getEncoded());
    }
}
