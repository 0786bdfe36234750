package org.ruralbank.directconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.model.SimpleRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.ruralbank.directconnect.RequestSigning.Algorithm;

/**
 * The worked example of docs/directconnect.md stays true and is a request the OpenAPI document accepts, and keys
 * must suit their algorithm.
 */
class SigningRecipeTest {

    static final String PUBLIC_KEY = """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAESPViiMiwcHsLtYKD1aHKQWDUn/uz
            16Q4CQbonoJILM3KHNT6MhPUw+nZn+Xd95glQzT2ZxZM/qpPCvN0rLYVVQ==
            -----END PUBLIC KEY-----
            """;
    static final String BODY = "{\"debitAccount\":\"62010001\",\"creditAccount\":\"62010002\",\"creditorName\":\"水厂\","
            + "\"amount\":\"1234.56\",\"currency\":\"CNY\"}";
    static final String SIGNATURE =
            "MEQCIG1z/KcTh1skFn8EnD5UxSLFqtc1+0lYRV7dS0YhpSyqAiAoOoNcxz+oeotKqtn4U3PCfektKS7k6OxRMB+xX//9ww==";

    @Test
    void workedExampleVerifies() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String digest = RequestSigning.bodyDigest(Algorithm.ECDSA_P256_SHA256, body);
        assertThat(digest).isEqualTo("1367e21bad7353e712f5eb3a25fe3cd709405599361bbad20168fe3abdfae2c4");
        assertThat(RequestSigning.bodyDigest(Algorithm.SM2_SM3, body))
                .isEqualTo("d6d593ad4d40fe2e5325d4af65fc104cffbc274eef677c86ccf9eca74b1af62d");
        String canonical = RequestSigning.canonical(
                "POST", "/api/dc/v1/payments", "2026-11-27T02:30:00Z", "3f9c2a7d41e84b0c9d6e5f1a2b3c4d5e", digest);
        assertThat(canonical)
                .isEqualTo("POST\n/api/dc/v1/payments\n2026-11-27T02:30:00Z\n" + "3f9c2a7d41e84b0c9d6e5f1a2b3c4d5e\n"
                        + digest);
        var key = RequestSigning.publicKey(Algorithm.ECDSA_P256_SHA256, PUBLIC_KEY);
        assertThat(RequestSigning.verify(Algorithm.ECDSA_P256_SHA256, key, canonical, SIGNATURE))
                .isTrue();
        assertThat(RequestSigning.verify(
                        Algorithm.ECDSA_P256_SHA256, key, canonical.replace("02:30", "02:31"), SIGNATURE))
                .isFalse();
        assertThat(RequestSigning.verify(Algorithm.ECDSA_P256_SHA256, key, canonical + "0", "MEQCIG1z"))
                .isFalse();
    }

    @Test
    void workedExampleIsARequestTheDocumentAccepts() {
        SimpleRequest example = SimpleRequest.Builder.post("/api/dc/v1/payments")
                .withHeader(RequestSigning.KEY_HEADER, "e001-cashier")
                .withHeader(RequestSigning.TIMESTAMP_HEADER, "2026-11-27T02:30:00Z")
                .withHeader(RequestSigning.NONCE_HEADER, "3f9c2a7d41e84b0c9d6e5f1a2b3c4d5e")
                .withHeader(RequestSigning.SIGNATURE_HEADER, SIGNATURE)
                .withHeader(RequestSigning.IDEMPOTENCY_HEADER, "pay-0001")
                .withContentType("application/json")
                .withBody(BODY)
                .build();
        assertThat(PartnerApiConformance.requestViolations(example)).isEmpty();
    }

    @Test
    void keysMustSuitTheirAlgorithm() {
        String sm2 = RequestSigning.pem(
                "PUBLIC KEY",
                RequestSigning.generate(Algorithm.SM2_SM3).getPublic().getEncoded());
        assertThatThrownBy(() -> RequestSigning.publicKey(Algorithm.ECDSA_P256_SHA256, sm2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestSigning.publicKey(Algorithm.SM2_SM3, PUBLIC_KEY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestSigning.publicKey(Algorithm.RSA_SHA256, "not a key"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
