package org.ruralbank.directconnect;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.ruralbank.directconnect.RequestSigning.Algorithm;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.platform.StaffUsers;
import org.ruralbank.testing.TestBank;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Onboards enterprises through the real maker-checker service and signs partner requests as the docs say. */
public final class DirectConnectFixture {

    public final TestBank bank;
    public final Onboarding onboarding;
    public final Org branch;
    public final StaffPrincipal maker;
    public final StaffPrincipal checker;
    public final StaffPrincipal headOffice;

    public DirectConnectFixture(ApplicationContext ctx) {
        this(ctx, null);
    }

    /** A fixture whose maker and checker work in {@code existingBranch} (a new branch when null). */
    public DirectConnectFixture(ApplicationContext ctx, Org existingBranch) {
        bank = new TestBank(ctx);
        onboarding = ctx.getBean(Onboarding.class);
        StaffUsers users = ctx.getBean(StaffUsers.class);
        branch = existingBranch != null ? existingBranch : bank.branch("直连支行");
        maker = principal(users, bank.user(branch, DataScope.ORG_AND_BELOW, Role.EBANK));
        checker = principal(users, bank.user(branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD));
        Org hq =
                ctx
                        .getBean(org.ruralbank.platform.Orgs.class)
                        .list(org.ruralbank.platform.OrgScope.everything())
                        .stream()
                        .filter(o -> o.level() == Org.HEAD_OFFICE)
                        .findFirst()
                        .orElseThrow();
        headOffice = principal(users, bank.user(hq, DataScope.ALL, Role.EBANK));
    }

    public static StaffPrincipal principal(StaffUsers users, String username) {
        return users.findByUsername(username).orElseThrow().principal();
    }

    /** Proposes as maker and approves as checker. */
    public Onboarding.Change apply(Onboarding.Kind kind, Map<String, String> fields) {
        return onboarding.approve(onboarding.propose(kind.change(fields), maker), checker);
    }

    public String enterprise(String name) {
        String id = bank.uniqueId("E");
        apply(Onboarding.Kind.ENTERPRISE, Map.of("enterpriseId", id, "name", name, "orgId", branch.orgId()));
        return id;
    }

    public String account(String enterpriseId, String openingYuan) {
        String no = bank.uniqueId("62");
        apply(
                Onboarding.Kind.ACCOUNT,
                Map.of(
                        "enterpriseId",
                        enterpriseId,
                        "accountNo",
                        no,
                        "accountName",
                        "账户" + no,
                        "openingBalance",
                        openingYuan));
        return no;
    }

    public void grant(String enterpriseId, String accountNo, boolean view, boolean pay, boolean sweep) {
        apply(
                Onboarding.Kind.GRANT,
                Map.of(
                        "enterpriseId",
                        enterpriseId,
                        "accountNo",
                        accountNo,
                        "view",
                        "" + view,
                        "pay",
                        "" + pay,
                        "sweep",
                        "" + sweep));
    }

    public void limits(String enterpriseId, String perTxn, String daily) {
        apply(Onboarding.Kind.LIMIT, Map.of("enterpriseId", enterpriseId, "perTxnLimit", perTxn, "dailyLimit", daily));
    }

    public Key key(String enterpriseId, Algorithm algorithm) {
        KeyPair pair = RequestSigning.generate(algorithm);
        String keyId = bank.uniqueId("K").toLowerCase();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("enterpriseId", enterpriseId);
        f.put("keyId", keyId);
        f.put("operatorName", "出纳");
        f.put("algorithm", algorithm.name());
        f.put("publicKey", RequestSigning.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        apply(Onboarding.Kind.KEY, f);
        return new Key(keyId, algorithm, pair);
    }

    /** An operator's key pair, registered for an enterprise. */
    public record Key(String keyId, Algorithm algorithm, KeyPair pair) {

        /** Signs the request as it will be sent, at {@code at}, with a fresh nonce. */
        public RequestPostProcessor signed(Instant at) {
            return signed(at, UUID.randomUUID().toString().replace("-", ""));
        }

        public RequestPostProcessor signed(Instant at, String nonce) {
            return request -> {
                byte[] body = request.getContentAsByteArray() == null ? new byte[0] : request.getContentAsByteArray();
                String path = request.getRequestURI()
                        + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                String ts = at.truncatedTo(ChronoUnit.SECONDS).toString();
                String canonical = RequestSigning.canonical(
                        request.getMethod(), path, ts, nonce, RequestSigning.bodyDigest(algorithm, body));
                request.addHeader(RequestSigning.KEY_HEADER, keyId);
                request.addHeader(RequestSigning.TIMESTAMP_HEADER, ts);
                request.addHeader(RequestSigning.NONCE_HEADER, nonce);
                request.addHeader(
                        RequestSigning.SIGNATURE_HEADER, RequestSigning.sign(algorithm, pair.getPrivate(), canonical));
                return request;
            };
        }

        public RequestPostProcessor signed() {
            return signed(Instant.now());
        }
    }

    public static MockHttpServletRequestBuilder getApi(String path) {
        return get(path);
    }

    public static MockHttpServletRequestBuilder postJson(String path, String json) {
        return post(path).contentType("application/json").content(json.getBytes(StandardCharsets.UTF_8));
    }

    public static MockHttpServletRequestBuilder postXml(String path, String xml) {
        return post(path).contentType("application/xml").content(xml.getBytes(StandardCharsets.UTF_8));
    }
}
