package org.ruralbank.directconnect;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.Rejected;
import org.ruralbank.shared.CodedText;
import org.ruralbank.shared.Money;

/**
 * One change to an enterprise's direct connection, as a maker proposes it and a checker approves it
 * ({@link Onboarding}): a record per kind. A record checks its own fields when it is made, so a change that exists
 * is well-formed, whether it was just typed (the page's form and the command line read their name=value fields with
 * {@link Onboarding.Kind#change(Map)}) or read back from its stored proposal; amounts are {@link Money} from there
 * on. What only the books can say (an enterprise that exists already, an account to grant) is checked by
 * {@link #checkedAgainst(OnboardingBooks)} when proposed, and again where it matters when applied. Each record knows
 * how it is applied, through the {@link OnboardingBooks} port, and says what it did.
 */
public sealed interface OnboardingChange {

    String enterpriseId();

    default Onboarding.Kind kind() {
        return Onboarding.Kind.of(this);
    }

    /**
     * One line for the list of proposals and the audit trail, written from the change's kind and fields in the
     * reader's language.
     */
    ChangeText summary();

    /** Whether only a checker of the head office may approve it. */
    default boolean needsHeadOffice() {
        return false;
    }

    /** The change as name=value fields: the form it is typed in, and stored in. */
    Map<String, String> fields();

    /** The change once checked against the books (completed from them where they supply a field). */
    default OnboardingChange checkedAgainst(OnboardingBooks books) {
        return this;
    }

    /** The longest name of an enterprise, account or pool: the width of its column. */
    int NAME_MAX = 100;

    /** Applies the approved change in the caller's transaction; returns what was done, for the checker. */
    ChangeText applyTo(OnboardingBooks books);

    /** A new enterprise at an org; {@code type} is {@code ENTERPRISE}, {@code GROUP} or {@code TREASURY}. */
    record Enterprise(String enterpriseId, String name, String orgId, String type) implements OnboardingChange {

        static final List<String> TYPES = List.of("ENTERPRISE", "GROUP", "TREASURY");

        public Enterprise {
            if (!enterpriseId.matches("[A-Za-z0-9]{2,20}")) {
                throw new Rejected("enterpriseId", "dc.rejected.badEnterpriseId");
            }
            if (!TYPES.contains(type)) {
                throw new Rejected("kind", "dc.rejected.badKind");
            }
        }

        static Enterprise from(ChangeFields f) {
            return new Enterprise(
                    f.required("enterpriseId"),
                    f.required("name", NAME_MAX),
                    f.required("orgId"),
                    f.optional("kind", "ENTERPRISE"));
        }

        @Override
        public ChangeText summary() {
            return ChangeText.of(
                    "dc.summary.ENTERPRISE", enterpriseId, name, new CodedText.Name("dc.kind." + type), orgId);
        }

        @Override
        public Map<String, String> fields() {
            return Map.of("enterpriseId", enterpriseId, "name", name, "orgId", orgId, "kind", type);
        }

        @Override
        public Enterprise checkedAgainst(OnboardingBooks books) {
            if (books.enterprisePath(enterpriseId).isPresent()) {
                throw new Rejected("enterpriseId", "dc.rejected.enterpriseExists", enterpriseId);
            }
            return this;
        }

        @Override
        public ChangeText applyTo(OnboardingBooks books) {
            checkedAgainst(books);
            books.createEnterprise(
                    enterpriseId,
                    name,
                    type,
                    orgId,
                    Onboarding.DEFAULT_PER_TXN_FEN,
                    Onboarding.DEFAULT_DAILY_FEN,
                    Onboarding.CEILING_PER_TXN_FEN,
                    Onboarding.CEILING_DAILY_FEN);
            return ChangeText.of("dc.outcome.ENTERPRISE");
        }
    }

    /**
     * An account of the enterprise opened in the ledger with its opening balance, granted to it for everything;
     * {@code accountKind} is {@code CUSTOMER} or {@code QUOTA}. Without an opening balance the name and balance
     * come from the bank's source of corporate accounts when proposed (the balance booked on the date it is as of).
     */
    record Account(
            String enterpriseId,
            String accountNo,
            @Nullable String accountName,
            String accountKind,
            @Nullable Money openingBalance,
            @Nullable LocalDate openingAsOf)
            implements OnboardingChange {

        public Account {
            if (!accountNo.matches("[A-Za-z0-9-]{4,32}") || accountNo.startsWith("DC-")) {
                throw new Rejected("accountNo", "dc.rejected.badAccountNo");
            }
            if (openingBalance != null && accountName == null) {
                throw new Rejected("accountName", "dc.rejected.required", "accountName");
            }
            if (openingBalance != null && openingBalance.signum() < 0) {
                throw new Rejected("openingBalance", "dc.rejected.badAmount", openingBalance);
            }
            if (!List.of("CUSTOMER", "QUOTA").contains(accountKind)) {
                throw new Rejected("accountKind", "dc.rejected.badKind");
            }
        }

        static Account from(ChangeFields f) {
            return new Account(
                    f.required("enterpriseId"),
                    f.required("accountNo"),
                    f.optional("accountName", NAME_MAX),
                    f.optional("accountKind", "CUSTOMER"),
                    f.optionalAmount("openingBalance", true),
                    f.optionalDate("openingAsOf"));
        }

        @Override
        public ChangeText summary() {
            CodedText.Name kind = new CodedText.Name("dc.accountKind." + accountKind);
            return openingBalance == null
                    ? ChangeText.of("dc.summary.ACCOUNT.fromCore", accountNo, kind)
                    : ChangeText.of("dc.summary.ACCOUNT", accountNo, accountName, kind, openingBalance);
        }

        @Override
        public Map<String, String> fields() {
            Map<String, String> m = new TreeMap<>(
                    Map.of("enterpriseId", enterpriseId, "accountNo", accountNo, "accountKind", accountKind));
            putIfGiven(m, "accountName", accountName);
            putIfGiven(m, "openingBalance", openingBalance);
            putIfGiven(m, "openingAsOf", openingAsOf);
            return m;
        }

        @Override
        public Account checkedAgainst(OnboardingBooks books) {
            if (openingBalance != null) {
                return this;
            }
            var known = books.corporateAccount(accountNo)
                    .orElseThrow(() -> new Rejected("openingBalance", "dc.rejected.noOpening", accountNo));
            return new Account(
                    enterpriseId,
                    accountNo,
                    accountName != null ? accountName : known.accountName(),
                    accountKind,
                    Money.ofFen(known.balanceFen()),
                    known.asOf());
        }

        @Override
        public ChangeText applyTo(OnboardingBooks books) {
            if (books.accountOpen(accountNo)) {
                throw new Rejected("accountNo", "dc.rejected.accountExists", accountNo);
            }
            Account a = checkedAgainst(books);
            books.openAccount(
                    enterpriseId,
                    accountNo,
                    String.valueOf(a.accountName),
                    accountKind,
                    a.openingBalance.fen(),
                    a.openingAsOf);
            return ChangeText.of("dc.outcome.ACCOUNT", a.openingBalance);
        }
    }

    /** What the enterprise may do with an account (nothing at all removes the grant), with optional own limits. */
    record Grant(
            String enterpriseId,
            String accountNo,
            boolean view,
            boolean pay,
            boolean sweep,
            @Nullable Money perTxnLimit,
            @Nullable Money dailyLimit)
            implements OnboardingChange {

        public Grant {
            positive("perTxnLimit", perTxnLimit);
            positive("dailyLimit", dailyLimit);
        }

        static Grant from(ChangeFields f) {
            return new Grant(
                    f.required("enterpriseId"),
                    f.required("accountNo"),
                    f.flag("view"),
                    f.flag("pay"),
                    f.flag("sweep"),
                    f.optionalAmount("perTxnLimit", false),
                    f.optionalAmount("dailyLimit", false));
        }

        @Override
        public ChangeText summary() {
            List<Object> rights = new ArrayList<>();
            if (view) {
                rights.add(new CodedText.Name("dc.right.view"));
            }
            if (pay) {
                rights.add(new CodedText.Name("dc.right.pay"));
            }
            if (sweep) {
                rights.add(new CodedText.Name("dc.right.sweep"));
            }
            if (rights.isEmpty()) {
                return ChangeText.of("dc.summary.GRANT.none", accountNo);
            }
            CodedText.Joined granted = new CodedText.Joined(rights);
            return perTxnLimit == null && dailyLimit == null
                    ? ChangeText.of("dc.summary.GRANT", accountNo, granted)
                    : ChangeText.of(
                            "dc.summary.GRANT.limits",
                            accountNo,
                            granted,
                            perTxnLimit == null ? new CodedText.Name("dc.summary.enterpriseLimit") : perTxnLimit,
                            dailyLimit == null ? new CodedText.Name("dc.summary.enterpriseLimit") : dailyLimit);
        }

        @Override
        public Map<String, String> fields() {
            Map<String, String> m = new TreeMap<>(Map.of(
                    "enterpriseId",
                    enterpriseId,
                    "accountNo",
                    accountNo,
                    "view",
                    String.valueOf(view),
                    "pay",
                    String.valueOf(pay),
                    "sweep",
                    String.valueOf(sweep)));
            putIfGiven(m, "perTxnLimit", perTxnLimit);
            putIfGiven(m, "dailyLimit", dailyLimit);
            return m;
        }

        @Override
        public Grant checkedAgainst(OnboardingBooks books) {
            if (!books.grantable(accountNo)) {
                throw new Rejected("accountNo", "dc.rejected.noAccount", accountNo);
            }
            return this;
        }

        @Override
        public ChangeText applyTo(OnboardingBooks books) {
            books.removeGrant(enterpriseId, accountNo);
            if (view || pay || sweep) {
                books.grant(
                        enterpriseId,
                        accountNo,
                        view,
                        pay,
                        sweep,
                        perTxnLimit == null ? null : perTxnLimit.fen(),
                        dailyLimit == null ? null : dailyLimit.fen());
            }
            return ChangeText.of("dc.outcome.GRANT");
        }
    }

    /** An operator's public key, with which the enterprise's requests are signed. */
    record Key(
            String enterpriseId,
            String keyId,
            RequestSigning.Algorithm algorithm,
            String publicKey,
            String operatorName)
            implements OnboardingChange {

        public Key {
            if (!keyId.matches("[A-Za-z0-9_.-]{3,40}")) {
                throw new Rejected("keyId", "dc.rejected.badKeyId");
            }
            try {
                RequestSigning.publicKey(algorithm, publicKey);
            } catch (IllegalArgumentException e) {
                throw new Rejected("publicKey", "dc.rejected.badKey", e.getMessage());
            }
        }

        static Key from(ChangeFields f) {
            String enterpriseId = f.required("enterpriseId");
            String keyId = f.required("keyId");
            RequestSigning.Algorithm algorithm;
            try {
                algorithm = RequestSigning.Algorithm.valueOf(f.required("algorithm"));
            } catch (IllegalArgumentException e) {
                throw new Rejected("publicKey", "dc.rejected.badKey", e.getMessage());
            }
            return new Key(
                    enterpriseId, keyId, algorithm, f.required("publicKey", 2000), f.required("operatorName", 60));
        }

        @Override
        public ChangeText summary() {
            return ChangeText.of("dc.summary.KEY", keyId, algorithm.name(), operatorName);
        }

        @Override
        public Map<String, String> fields() {
            return Map.of(
                    "enterpriseId",
                    enterpriseId,
                    "keyId",
                    keyId,
                    "algorithm",
                    algorithm.name(),
                    "publicKey",
                    publicKey,
                    "operatorName",
                    operatorName);
        }

        @Override
        public ChangeText applyTo(OnboardingBooks books) {
            books.addKey(enterpriseId, keyId, operatorName, algorithm, publicKey);
            return ChangeText.of("dc.outcome.KEY");
        }
    }

    record RevokeKey(String enterpriseId, String keyId) implements OnboardingChange {

        static RevokeKey from(ChangeFields f) {
            return new RevokeKey(f.required("enterpriseId"), f.required("keyId"));
        }

        @Override
        public ChangeText summary() {
            return ChangeText.of("dc.summary.REVOKE_KEY", keyId);
        }

        @Override
        public Map<String, String> fields() {
            return Map.of("enterpriseId", enterpriseId, "keyId", keyId);
        }

        @Override
        public ChangeText applyTo(OnboardingBooks books) {
            books.revokeKey(enterpriseId, keyId);
            return ChangeText.of("dc.outcome.REVOKE_KEY");
        }
    }

    /**
     * The enterprise's limits: never above the head office's ceiling, per transaction never above per day; above
     * the branch default only a checker of the head office approves them.
     */
    record Limits(String enterpriseId, Money perTxnLimit, Money dailyLimit) implements OnboardingChange {

        public Limits {
            positive("perTxnLimit", perTxnLimit);
            positive("dailyLimit", dailyLimit);
            if (perTxnLimit.fen() > Onboarding.CEILING_PER_TXN_FEN || dailyLimit.fen() > Onboarding.CEILING_DAILY_FEN) {
                throw new Rejected("perTxnLimit", "dc.rejected.aboveCeiling");
            }
            if (perTxnLimit.compareTo(dailyLimit) > 0) {
                throw new Rejected("perTxnLimit", "dc.rejected.perTxnAboveDaily");
            }
        }

        static Limits from(ChangeFields f) {
            return new Limits(
                    f.required("enterpriseId"), f.amount("perTxnLimit", false), f.amount("dailyLimit", false));
        }

        @Override
        public boolean needsHeadOffice() {
            return perTxnLimit.fen() > Onboarding.DEFAULT_PER_TXN_FEN
                    || dailyLimit.fen() > Onboarding.DEFAULT_DAILY_FEN;
        }

        @Override
        public ChangeText summary() {
            return ChangeText.of("dc.summary.LIMIT", perTxnLimit, dailyLimit);
        }

        @Override
        public Map<String, String> fields() {
            return Map.of(
                    "enterpriseId",
                    enterpriseId,
                    "perTxnLimit",
                    perTxnLimit.toYuanText(),
                    "dailyLimit",
                    dailyLimit.toYuanText());
        }

        @Override
        public ChangeText applyTo(OnboardingBooks books) {
            books.setLimits(enterpriseId, perTxnLimit.fen(), dailyLimit.fen());
            return ChangeText.of("dc.outcome.LIMIT");
        }
    }

    /** The http(s) address the enterprise's notifications go to; approving it issues a new signing secret. */
    record Webhook(String enterpriseId, String url) implements OnboardingChange {

        public Webhook {
            try {
                URI u = URI.create(url);
                if (!List.of("https", "http").contains(String.valueOf(u.getScheme())) || u.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw new Rejected("url", "dc.rejected.badUrl");
            }
        }

        static Webhook from(ChangeFields f) {
            return new Webhook(f.required("enterpriseId"), f.required("url", 400));
        }

        @Override
        public ChangeText summary() {
            return ChangeText.of("dc.summary.WEBHOOK", url);
        }

        @Override
        public Map<String, String> fields() {
            return Map.of("enterpriseId", enterpriseId, "url", url);
        }

        @Override
        public ChangeText applyTo(OnboardingBooks books) {
            return ChangeText.of("dc.outcome.WEBHOOK", books.registerWebhook(enterpriseId, url));
        }
    }

    /**
     * A cash pool: its parent account and members, each with its rule ({@code ZERO}, {@code TARGET} or
     * {@code THRESHOLD} with an amount). Members are written {@code account:RULE[:amount]}, separated by {@code ;}
     * or new lines.
     */
    record Pool(
            String enterpriseId, String poolId, @Nullable String name, String parentAccount, List<Member> members)
            implements OnboardingChange {

        public Pool {
            members = List.copyOf(members);
        }

        /** A member's rule; {@code amount} is what {@code TARGET} and {@code THRESHOLD} are measured against. */
        public record Member(String accountNo, String rule, Money amount) {}

        static Pool from(ChangeFields f) {
            return new Pool(
                    f.required("enterpriseId"),
                    f.required("poolId", 20),
                    f.optional("name", NAME_MAX),
                    f.required("parentAccount"),
                    members(f.required("members")));
        }

        private static List<Member> members(String text) {
            List<Member> members = new ArrayList<>();
            for (String m : text.split("[;\\n]+")) {
                String[] f = m.trim().split("[:,]");
                String rule = f.length < 2 ? "" : f[1].trim();
                Optional<Money> amount = f.length < 3 ? Optional.empty() : ChangeFields.amountOf(f[2], true);
                if (!List.of("ZERO", "TARGET", "THRESHOLD").contains(rule)
                        || (!rule.equals("ZERO") && amount.isEmpty())) {
                    throw new Rejected("members", "dc.rejected.badMembers", m);
                }
                members.add(new Member(f[0].trim(), rule, amount.orElse(Money.ZERO)));
            }
            return members;
        }

        @Override
        public ChangeText summary() {
            List<Object> each = members.stream()
                    .map(m -> (Object)
                            (m.rule().equals("ZERO")
                                    ? ChangeText.of("dc.summary.POOL.ZERO", m.accountNo())
                                    : ChangeText.of("dc.summary.POOL." + m.rule(), m.accountNo(), m.amount())))
                    .toList();
            return ChangeText.of(
                    "dc.summary.POOL", poolId, name == null ? poolId : name, parentAccount, new CodedText.Joined(each));
        }

        private String membersText() {
            return members.stream()
                    .map(m -> m.accountNo() + ":" + m.rule()
                            + (m.rule().equals("ZERO") && m.amount().signum() == 0 ? "" : ":" + m.amount()))
                    .collect(Collectors.joining(";"));
        }

        @Override
        public Map<String, String> fields() {
            Map<String, String> m = new TreeMap<>(Map.of(
                    "enterpriseId",
                    enterpriseId,
                    "poolId",
                    poolId,
                    "parentAccount",
                    parentAccount,
                    "members",
                    membersText()));
            putIfGiven(m, "name", name);
            return m;
        }

        @Override
        public ChangeText applyTo(OnboardingBooks books) {
            books.setPool(enterpriseId, poolId, name == null ? poolId : name, parentAccount, members);
            return ChangeText.of("dc.outcome.POOL");
        }
    }

    /** {@code ACTIVE}, or {@code SUSPENDED}: a suspended enterprise's payments are refused. */
    record Status(String enterpriseId, String status) implements OnboardingChange {

        public Status {
            if (!List.of("ACTIVE", "SUSPENDED").contains(status)) {
                throw new Rejected("status", "dc.rejected.badStatus");
            }
        }

        static Status from(ChangeFields f) {
            return new Status(f.required("enterpriseId"), f.required("status"));
        }

        @Override
        public ChangeText summary() {
            return ChangeText.of("dc.summary.STATUS", new CodedText.Name("dc.status." + status));
        }

        @Override
        public Map<String, String> fields() {
            return Map.of("enterpriseId", enterpriseId, "status", status);
        }

        @Override
        public ChangeText applyTo(OnboardingBooks books) {
            books.setStatus(enterpriseId, status);
            return ChangeText.of("dc.outcome.STATUS", new CodedText.Name("dc.status." + status));
        }
    }

    private static void positive(String field, @Nullable Money amount) {
        if (amount != null && amount.signum() <= 0) {
            throw new Rejected(field, "dc.rejected.badAmount", amount);
        }
    }

    private static void putIfGiven(Map<String, String> fields, String name, @Nullable Object value) {
        if (value != null) {
            fields.put(name, value.toString());
        }
    }
}
