package org.ruralbank.directconnect;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The signing recipe of the partner API, shared by the bank's verifier and the {@code ruralbank connect} client.
 *
 * <p>The string to sign is five lines joined by {@code \n} (no trailing newline):
 * <pre>
 * METHOD                 upper case, e.g. POST
 * PATH                   the request path with its query string exactly as sent, e.g. /api/dc/v1/statements?from=2025-01-01
 * TIMESTAMP              X-DC-Timestamp: UTC, RFC 3339 seconds, e.g. 2025-06-03T01:02:03Z (within 5 minutes of the bank's clock)
 * NONCE                  X-DC-Nonce: 16 to 64 characters [A-Za-z0-9_-], never reused with the same key
 * BODY DIGEST            lower-case hex of the body's digest (SM3 for SM2 keys, SHA-256 otherwise; empty body too)
 * </pre>
 * signed with the operator's private key: SM2 with SM3 (GM/T 0003/0004, default user id 1234567812345678),
 * ECDSA on P-256 with SHA-256, or RSA (2048 bits or more) PKCS#1 v1.5 with SHA-256. The signature (DER for SM2
 * and ECDSA) goes base64-encoded into {@code X-DC-Signature}, the key id into {@code X-DC-Key}.
 */
public final class RequestSigning {

    public static final String KEY_HEADER = "X-DC-Key";
    public static final String TIMESTAMP_HEADER = "X-DC-Timestamp";
    public static final String NONCE_HEADER = "X-DC-Nonce";
    public static final String SIGNATURE_HEADER = "X-DC-Signature";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private static final Provider BC = new BouncyCastleProvider();
    private static final ASN1ObjectIdentifier SM2_CURVE = new ASN1ObjectIdentifier("1.2.156.10197.1.301");
    private static final ASN1ObjectIdentifier P256_CURVE = new ASN1ObjectIdentifier("1.2.840.10045.3.1.7");

    private RequestSigning() {}

    public enum Algorithm {
        SM2_SM3("SM3withSM2", "SM3"),
        ECDSA_P256_SHA256("SHA256withECDSA", "SHA-256"),
        RSA_SHA256("SHA256withRSA", "SHA-256");

        final String signature;
        final String digest;

        Algorithm(String signature, String digest) {
            this.signature = signature;
            this.digest = digest;
        }
    }

    public static String canonical(
            String method, String pathAndQuery, String timestamp, String nonce, String bodyDigestHex) {
        return method.toUpperCase(java.util.Locale.ROOT) + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n"
                + bodyDigestHex;
    }

    public static String bodyDigest(Algorithm algorithm, byte[] body) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance(algorithm.digest, BC).digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(Algorithm algorithm, PrivateKey key, String canonical) {
        try {
            Signature s = Signature.getInstance(algorithm.signature, BC);
            s.initSign(key);
            s.update(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    /** Whether the signature is valid; false (never an exception) for malformed signatures. */
    public static boolean verify(Algorithm algorithm, PublicKey key, String canonical, String signatureBase64) {
        try {
            Signature s = Signature.getInstance(algorithm.signature, BC);
            s.initVerify(key);
            s.update(canonical.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A public key from PEM ({@code -----BEGIN PUBLIC KEY-----}) or bare base64 of its SubjectPublicKeyInfo,
     * checked to suit the algorithm (SM2 curve, P-256 curve, RSA of at least 2048 bits).
     */
    public static PublicKey publicKey(Algorithm algorithm, String text) {
        byte[] der = der(text);
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(der);
            switch (algorithm) {
                case SM2_SM3, ECDSA_P256_SHA256 -> {
                    ASN1ObjectIdentifier curve =
                            ASN1ObjectIdentifier.getInstance(info.getAlgorithm().getParameters());
                    if (!curve.equals(algorithm == Algorithm.SM2_SM3 ? SM2_CURVE : P256_CURVE)) {
                        throw new IllegalArgumentException("the key's curve " + curve + " does not suit " + algorithm);
                    }
                    return KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(der));
                }
                default -> {
                    PublicKey key = KeyFactory.getInstance("RSA", BC).generatePublic(new X509EncodedKeySpec(der));
                    if (((RSAPublicKey) key).getModulus().bitLength() < 2048) {
                        throw new IllegalArgumentException("RSA keys need at least 2048 bits");
                    }
                    return key;
                }
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a usable " + algorithm + " public key: " + e.getMessage(), e);
        }
    }

    /** A PKCS#8 private key (PEM {@code -----BEGIN PRIVATE KEY-----} or bare base64). */
    public static PrivateKey privateKey(Algorithm algorithm, String text) {
        try {
            return KeyFactory.getInstance(algorithm == Algorithm.RSA_SHA256 ? "RSA" : "EC", BC)
                    .generatePrivate(new PKCS8EncodedKeySpec(der(text)));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a usable " + algorithm + " private key: " + e.getMessage(), e);
        }
    }

    public static KeyPair generate(Algorithm algorithm) {
        try {
            if (algorithm == Algorithm.RSA_SHA256) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", BC);
                g.initialize(2048);
                return g.generateKeyPair();
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
            g.initialize(new ECGenParameterSpec(algorithm == Algorithm.SM2_SM3 ? "sm2p256v1" : "secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String text) {
        String b64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(b64);
    }
}
