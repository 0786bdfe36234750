package org.ruralbank.directconnect;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.ruralbank.directconnect.internal.BusinessCalendar;
import org.ruralbank.directconnect.internal.Directory;
import org.ruralbank.directconnect.internal.LedgerCoreBanking;
import org.ruralbank.directconnect.internal.Payments;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.PageOf;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Onboarding with maker-checker: every change to an enterprise, its accounts, grants, keys, limits, webhook and
 * pools is first proposed by one staff user and applies only when a second one approves it. A limit above the
 * branch default needs a checker of the head office; nothing goes above the head office's ceiling.
 */
@Service
public class Onboarding {

    /** The head office's ceiling per enterprise: 2,000万 per transaction, 5,000万 per day (in fen). */
    public static final long CEILING_PER_TXN_FEN = 20_000_000_00L;
    public static final long CEILING_DAILY_FEN = 50_000_000_00L;
    /** The branch default: 200万 per transaction, 500万 per day (in fen). */
    public static final long DEFAULT_PER_TXN_FEN = 2_000_000_00L;
    public static final long DEFAULT_DAILY_FEN = 5_000_000_00L;

    /** Roles that may propose and approve onboarding changes. */
    static final List<Role> ONBOARDING_ROLES = List.of(Role.ADMIN, Role.EBANK, Role.BRANCH_HEAD);

    public enum Kind { ENTERPRISE, ACCOUNT, GRANT, KEY, REVOKE_KEY, LIMIT, WEBHOOK, POOL, STATUS }

    public record Change(long changeId, String enterpriseId, String kind, Map<String, String> payload,
            String summary, boolean needsHeadOffice, String status, String maker, OffsetDateTime madeAt,
            String checker, OffsetDateTime checkedAt, String outcome) {
    }

    private final JdbcClient db;
    private final Orgs orgs;
    private final AuditLog audit;
    private final LedgerCoreBanking ledger;
    private final Directory directory;
    private final CorporateAccountSource accounts;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Onboarding(JdbcClient db, Orgs orgs, AuditLog audit, LedgerCoreBanking ledger, Directory directory,
            CorporateAccountSource accounts, BusinessCalendar calendar, Clock clock) {
        this.db = db;
        this.orgs = orgs;
        this.audit = audit;
        this.ledger = ledger;
        this.directory = directory;
        this.accounts = accounts;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Proposes a change; checks what can be checked now, so the checker sees only well-formed requests. */
    @Transactional
    public long propose(Kind kind, Map<String, String> fields, StaffPrincipal maker) {
        requireRole(maker, "maker");
        Map<String, String> p = new TreeMap<>();
        fields.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                p.put(k, v.trim());
            }
        });
        String enterpriseId = required(p, "enterpriseId");
        String orgPath;
        boolean headOffice = false;
        String summary;
        if (kind == Kind.ENTERPRISE) {
            if (!enterpriseId.matches("[A-Za-z0-9]{2,20}")) {
                throw new Rejected("enterpriseId", "dc.rejected.badEnterpriseId");
            }
            if (enterprisePath(enterpriseId).isPresent()) {
                throw new Rejected("enterpriseId", "dc.rejected.enterpriseExists", enterpriseId);
            }
            Org org = orgs.find(required(p, "orgId"), maker.scope())
                    .orElseThrow(() -> new Rejected("orgId", "dc.rejected.noOrg", p.get("orgId")));
            orgPath = org.path();
            required(p, "name");
            p.putIfAbsent("kind", "ENTERPRISE");
            if (!List.of("ENTERPRISE", "GROUP", "TREASURY").contains(p.get("kind"))) {
                throw new Rejected("kind", "dc.rejected.badKind");
            }
            summary = "enterprise " + enterpriseId + " " + p.get("name") + " at " + org.orgId();
        } else {
            orgPath = enterprisePath(enterpriseId).filter(path -> maker.scope().covers(path))
                    .orElseThrow(() -> new NotFound("enterprise", enterpriseId));
            summary = switch (kind) {
                case ACCOUNT -> {
                    String no = required(p, "accountNo");
                    if (!no.matches("[A-Za-z0-9-]{4,32}") || no.startsWith("DC-")) {
                        throw new Rejected("accountNo", "dc.rejected.badAccountNo");
                    }
                    if (!p.containsKey("openingBalance")) {
                        var known = accounts.find(no)
                                .orElseThrow(() -> new Rejected("openingBalance", "dc.rejected.noOpening", no));
                        p.put("openingBalance", Money.yuanText(known.balanceFen()));
                        p.putIfAbsent("accountName", known.accountName());
                        p.put("openingAsOf", String.valueOf(known.asOf()));
                    }
                    required(p, "accountName");
                    fen(p, "openingBalance", true);
                    p.putIfAbsent("accountKind", "CUSTOMER");
                    if (!List.of("CUSTOMER", "QUOTA").contains(p.get("accountKind"))) {
                        throw new Rejected("accountKind", "dc.rejected.badKind");
                    }
                    yield "account " + no + " " + p.get("accountName") + " opening " + p.get("openingBalance");
                }
                case GRANT -> {
                    String no = required(p, "accountNo");
                    if (db.sql("select count(*) from dc_account where account_no = :a and kind in ('CUSTOMER','QUOTA')")
                            .param("a", no).query(Long.class).single() == 0) {
                        throw new Rejected("accountNo", "dc.rejected.noAccount", no);
                    }
                    if (p.containsKey("perTxnLimit")) {
                        fen(p, "perTxnLimit", false);
                    }
                    if (p.containsKey("dailyLimit")) {
                        fen(p, "dailyLimit", false);
                    }
                    yield "grant " + no + " view=" + flag(p, "view") + " pay=" + flag(p, "pay") + " sweep="
                            + flag(p, "sweep");
                }
                case KEY -> {
                    String keyId = required(p, "keyId");
                    if (!keyId.matches("[A-Za-z0-9_.-]{3,40}")) {
                        throw new Rejected("keyId", "dc.rejected.badKeyId");
                    }
                    RequestSigning.Algorithm alg;
                    try {
                        alg = RequestSigning.Algorithm.valueOf(required(p, "algorithm"));
                        RequestSigning.publicKey(alg, required(p, "publicKey"));
                    } catch (IllegalArgumentException e) {
                        throw new Rejected("publicKey", "dc.rejected.badKey", e.getMessage());
                    }
                    required(p, "operatorName");
                    yield "key " + keyId + " " + alg + " for " + p.get("operatorName");
                }
                case REVOKE_KEY -> "revoke key " + required(p, "keyId");
                case LIMIT -> {
                    long perTxn = fen(p, "perTxnLimit", false);
                    long daily = fen(p, "dailyLimit", false);
                    if (perTxn > CEILING_PER_TXN_FEN || daily > CEILING_DAILY_FEN) {
                        throw new Rejected("perTxnLimit", "dc.rejected.aboveCeiling");
                    }
                    if (perTxn > daily) {
                        throw new Rejected("perTxnLimit", "dc.rejected.perTxnAboveDaily");
                    }
                    headOffice = perTxn > DEFAULT_PER_TXN_FEN || daily > DEFAULT_DAILY_FEN;
                    yield "limits " + p.get("perTxnLimit") + " per transaction, " + p.get("dailyLimit") + " per day";
                }
                case WEBHOOK -> {
                    String url = required(p, "url");
                    try {
                        URI u = URI.create(url);
                        if (!List.of("https", "http").contains(String.valueOf(u.getScheme())) || u.getHost() == null) {
                            throw new IllegalArgumentException();
                        }
                    } catch (IllegalArgumentException e) {
                        throw new Rejected("url", "dc.rejected.badUrl");
                    }
                    yield "webhook " + url;
                }
                case POOL -> {
                    required(p, "poolId");
                    required(p, "parentAccount");
                    for (String m : required(p, "members").split("[;\\n]+")) {
                        String[] f = m.trim().split("[:,]");
                        if (f.length < 2 || !List.of("ZERO", "TARGET", "THRESHOLD").contains(f[1].trim())
                                || (!f[1].trim().equals("ZERO") && (f.length < 3 || yuanAtLeastZero(f[2]).isEmpty()))) {
                            throw new Rejected("members", "dc.rejected.badMembers", m);
                        }
                    }
                    yield "pool " + p.get("poolId") + " parent " + p.get("parentAccount") + " members "
                            + p.get("members");
                }
                case STATUS -> {
                    if (!List.of("ACTIVE", "SUSPENDED").contains(required(p, "status"))) {
                        throw new Rejected("status", "dc.rejected.badStatus");
                    }
                    yield "status " + p.get("status");
                }
                default -> throw new IllegalStateException();
            };
        }
        var keys = new GeneratedKeyHolder();
        db.sql("""
                insert into dc_change (enterprise_id, org_path, kind, payload, summary, needs_head_office, status,
                                       maker, made_at)
                values (:e, :path, :kind, :payload, :summary, :ho, 'PENDING', :maker, :now)
                """).param("e", enterpriseId).param("path", orgPath).param("kind", kind.name())
                .param("payload", write(p)).param("summary", summary.length() > 400 ? summary.substring(0, 400) : summary)
                .param("ho", headOffice).param("maker", maker.username()).param("now", OffsetDateTime.now(clock))
                .update(keys, "change_id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.recordAs(maker.username(), maker.orgPath(), "dc.change.propose", AuditLog.Outcome.OK, "dcChange",
                String.valueOf(id), null, describe(find(id, OrgScope.everything()).orElseThrow()));
        return id;
    }

    /** Approves and applies a change: the checker must be another person, of the head office where required. */
    @Transactional
    public Change approve(long changeId, StaffPrincipal checker) {
        requireRole(checker, "checker");
        Change c = find(changeId, checker.scope()).orElseThrow(() -> new NotFound("dcChange", "" + changeId));
        if (!"PENDING".equals(c.status())) {
            throw new Rejected("changeId", "dc.rejected.notPending");
        }
        if (c.maker().equals(checker.username())) {
            throw new Rejected("checker", "dc.rejected.sameChecker");
        }
        if (c.needsHeadOffice() && orgs.find(checker.orgId()).map(o -> o.level() != Org.HEAD_OFFICE).orElse(true)) {
            throw new Rejected("checker", "dc.rejected.needsHeadOffice");
        }
        String outcome = apply(Kind.valueOf(c.kind()), c.payload(), c.enterpriseId(), checker);
        directory.changing();
        db.sql("update dc_change set status = 'APPROVED', checker = :c, checked_at = :now, outcome = :o "
                + "where change_id = :id").param("c", checker.username()).param("now", OffsetDateTime.now(clock))
                .param("o", outcome).param("id", changeId).update();
        Change after = find(changeId, OrgScope.everything()).orElseThrow();
        audit.recordAs(checker.username(), checker.orgPath(), "dc.change.approve", AuditLog.Outcome.OK, "dcChange",
                String.valueOf(changeId), describe(c), describe(after));
        return after;
    }

    @Transactional
    public void reject(long changeId, String reason, StaffPrincipal checker) {
        requireRole(checker, "checker");
        Change c = find(changeId, checker.scope()).orElseThrow(() -> new NotFound("dcChange", "" + changeId));
        if (!"PENDING".equals(c.status())) {
            throw new Rejected("changeId", "dc.rejected.notPending");
        }
        db.sql("update dc_change set status = 'REJECTED', checker = :c, checked_at = :now, outcome = :o "
                + "where change_id = :id").param("c", checker.username()).param("now", OffsetDateTime.now(clock))
                .param("o", reason == null ? "" : reason.length() > 400 ? reason.substring(0, 400) : reason)
                .param("id", changeId).update();
        audit.recordAs(checker.username(), checker.orgPath(), "dc.change.reject", AuditLog.Outcome.OK, "dcChange",
                String.valueOf(changeId), describe(c), describe(find(changeId, OrgScope.everything()).orElseThrow()));
    }

    public Optional<Change> find(long changeId, OrgScope scope) {
        OrgScope.Condition cond = scope.where("org_path", null);
        return db.sql(SELECT + " where change_id = :id and " + cond.sql()).params(cond.params())
                .param("id", changeId).query(this::map).optional();
    }

    /** Changes within the scope, newest first; {@code status} and {@code enterpriseId} filter when given. */
    public PageOf<Change> changes(OrgScope scope, String status, String enterpriseId, int page, int size) {
        OrgScope.Condition cond = scope.where("org_path", null);
        String where = " where " + cond.sql() + (status == null || status.isBlank() ? "" : " and status = :st")
                + (enterpriseId == null || enterpriseId.isBlank() ? "" : " and enterprise_id = :ent");
        Map<String, Object> params = new LinkedHashMap<>(cond.params());
        if (status != null && !status.isBlank()) {
            params.put("st", status);
        }
        if (enterpriseId != null && !enterpriseId.isBlank()) {
            params.put("ent", enterpriseId.trim());
        }
        long total = db.sql("select count(*) from dc_change" + where).params(params).query(Long.class).single();
        PageOf<Change> shape = new PageOf<>(List.of(), page, size, total);
        List<Change> items = db.sql(SELECT + where + " order by change_id desc limit :l offset :o").params(params)
                .param("l", size).param("o", shape.offset()).query(this::map).list();
        return new PageOf<>(items, page, size, total);
    }

    private String apply(Kind kind, Map<String, String> p, String enterpriseId, StaffPrincipal checker) {
        String path = kind == Kind.ENTERPRISE ? orgs.find(p.get("orgId")).orElseThrow().path()
                : enterprisePath(enterpriseId).orElseThrow();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = calendar.today();
        switch (kind) {
            case ENTERPRISE -> {
                if (enterprisePath(enterpriseId).isPresent()) {
                    throw new Rejected("enterpriseId", "dc.rejected.enterpriseExists", enterpriseId);
                }
                db.sql("""
                        insert into dc_enterprise (enterprise_id, name, kind, org_id, org_path, status,
                            per_txn_limit_fen, daily_limit_fen, per_txn_ceiling_fen, daily_ceiling_fen, created_at)
                        values (:e, :n, :k, :o, :p, 'ACTIVE', :pt, :d, :cpt, :cd, :now)
                        """).param("e", enterpriseId).param("n", p.get("name")).param("k", p.get("kind"))
                        .param("o", p.get("orgId")).param("p", path).param("pt", DEFAULT_PER_TXN_FEN)
                        .param("d", DEFAULT_DAILY_FEN).param("cpt", CEILING_PER_TXN_FEN).param("cd", CEILING_DAILY_FEN)
                        .param("now", now).update();
                ensureBankAccounts();
                return "enterprise created with the default limits";
            }
            case ACCOUNT -> {
                String no = p.get("accountNo");
                if (ledger.balance(no).isPresent()) {
                    throw new Rejected("accountNo", "dc.rejected.accountExists", no);
                }
                ensureBankAccounts();
                ledger.openAccount(no, p.get("accountName"), p.get("accountKind"), enterpriseId, path, true);
                long opening = yuanAtLeastZero(p.get("openingBalance")).orElse(0L);
                if (opening > 0) {
                    // booked on the date the balance is as of (the warehouse's latest loaded date), else today
                    LocalDate asOf = p.containsKey("openingAsOf") ? LocalDate.parse(p.get("openingAsOf")) : today;
                    CoreBanking.Outcome o = ledger.transfer(CoreBanking.Transfer.posted("OPEN-" + no,
                            Payments.OPENING_ACCOUNT, no, opening, "OPENING", "onboarding", asOf));
                    if (!o.succeeded()) {
                        throw new IllegalStateException("opening balance of " + no + ": " + o);
                    }
                }
                db.sql("insert into dc_grant (enterprise_id, account_no, can_view, can_pay, can_sweep) "
                        + "values (:e, :a, true, true, true)").param("e", enterpriseId).param("a", no).update();
                return "account opened with " + Money.yuanText(opening) + " yuan";
            }
            case GRANT -> {
                db.sql("delete from dc_grant where enterprise_id = :e and account_no = :a").param("e", enterpriseId)
                        .param("a", p.get("accountNo")).update();
                if (flag(p, "view") || flag(p, "pay") || flag(p, "sweep")) {
                    db.sql("""
                            insert into dc_grant (enterprise_id, account_no, can_view, can_pay, can_sweep,
                                                  per_txn_limit_fen, daily_limit_fen)
                            values (:e, :a, :v, :p, :s, :pt, :d)
                            """).param("e", enterpriseId).param("a", p.get("accountNo")).param("v", flag(p, "view"))
                            .param("p", flag(p, "pay")).param("s", flag(p, "sweep"))
                            .param("pt", yuanAtLeastZero(p.get("perTxnLimit")).orElse(null))
                            .param("d", yuanAtLeastZero(p.get("dailyLimit")).orElse(null)).update();
                }
                return "grant set";
            }
            case KEY -> {
                db.sql("insert into dc_key (key_id, enterprise_id, operator_name, algorithm, public_key, status, "
                        + "created_at) values (:k, :e, :o, :a, :pk, 'ACTIVE', :now)").param("k", p.get("keyId"))
                        .param("e", enterpriseId).param("o", p.get("operatorName")).param("a", p.get("algorithm"))
                        .param("pk", p.get("publicKey")).param("now", now).update();
                return "key active";
            }
            case REVOKE_KEY -> {
                db.sql("update dc_key set status = 'REVOKED' where key_id = :k and enterprise_id = :e")
                        .param("k", p.get("keyId")).param("e", enterpriseId).update();
                return "key revoked";
            }
            case LIMIT -> {
                db.sql("update dc_enterprise set per_txn_limit_fen = :pt, daily_limit_fen = :d where enterprise_id = :e")
                        .param("pt", yuanAtLeastZero(p.get("perTxnLimit")).orElseThrow())
                        .param("d", yuanAtLeastZero(p.get("dailyLimit")).orElseThrow()).param("e", enterpriseId).update();
                return "limits set";
            }
            case WEBHOOK -> {
                byte[] bytes = new byte[24];
                random.nextBytes(bytes);
                String secret = HexFormat.of().formatHex(bytes);
                db.sql("delete from dc_webhook where enterprise_id = :e").param("e", enterpriseId).update();
                db.sql("insert into dc_webhook (enterprise_id, url, secret) values (:e, :u, :s)")
                        .param("e", enterpriseId).param("u", p.get("url")).param("s", secret).update();
                return "webhook registered; signing secret (give it to the enterprise): " + secret;
            }
            case POOL -> {
                String poolId = p.get("poolId");
                db.sql("delete from dc_pool_member where pool_id = :p").param("p", poolId).update();
                if (db.sql("select count(*) from dc_pool where pool_id = :p").param("p", poolId).query(Long.class)
                        .single() == 0) {
                    db.sql("insert into dc_pool (pool_id, enterprise_id, name, parent_account) values (:p, :e, :n, :a)")
                            .param("p", poolId).param("e", enterpriseId).param("n", p.getOrDefault("name", poolId))
                            .param("a", p.get("parentAccount")).update();
                } else {
                    db.sql("update dc_pool set parent_account = :a, name = :n where pool_id = :p and enterprise_id = :e")
                            .param("a", p.get("parentAccount")).param("n", p.getOrDefault("name", poolId))
                            .param("p", poolId).param("e", enterpriseId).update();
                }
                for (String m : p.get("members").split("[;\\n]+")) {
                    String[] f = m.trim().split("[:,]");
                    long amount = f.length > 2 ? yuanAtLeastZero(f[2]).orElse(0L) : 0L;
                    db.sql("insert into dc_pool_member (pool_id, account_no, rule, amount_fen) values (:p, :a, :r, :m)")
                            .param("p", poolId).param("a", f[0].trim()).param("r", f[1].trim()).param("m", amount)
                            .update();
                }
                return "pool set";
            }
            case STATUS -> {
                db.sql("update dc_enterprise set status = :s where enterprise_id = :e").param("s", p.get("status"))
                        .param("e", enterpriseId).update();
                return "status " + p.get("status");
            }
            default -> throw new IllegalStateException();
        }
    }

    /** The bank's own ledger accounts: opening balances (equity side) and the clearing hand-off. */
    public void ensureBankAccounts() {
        String hq = orgs.list(OrgScope.everything()).stream().filter(o -> o.level() == Org.HEAD_OFFICE)
                .findFirst().map(Org::path).orElse("/");
        ledger.openAccount(Payments.OPENING_ACCOUNT, "期初余额 opening balances", "OPENING", null, hq, false);
        ledger.openAccount(Payments.CLEARING_ACCOUNT, "跨行清算 clearing hand-off", "CLEARING", null, hq, false);
    }

    private Optional<String> enterprisePath(String enterpriseId) {
        return db.sql("select org_path from dc_enterprise where enterprise_id = :e").param("e", enterpriseId)
                .query(String.class).optional();
    }

    private static void requireRole(StaffPrincipal staff, String what) {
        if (ONBOARDING_ROLES.stream().noneMatch(staff::has)) {
            throw new Rejected(what, "dc.rejected.role");
        }
    }

    private static String required(Map<String, String> p, String key) {
        String v = p.get(key);
        if (v == null || v.isBlank()) {
            throw new Rejected(key, "dc.rejected.required", key);
        }
        return v;
    }

    private static long fen(Map<String, String> p, String key, boolean zeroAllowed) {
        String v = p.get(key);
        return yuanAtLeastZero(v).filter(fen -> zeroAllowed || fen > 0)
                .orElseThrow(() -> new Rejected(key, "dc.rejected.badAmount", v));
    }

    /** The fen of exact yuan text that is zero or more; empty for anything else, null included. */
    private static Optional<Long> yuanAtLeastZero(String yuan) {
        return Money.tryParseYuan(yuan).filter(m -> m.signum() >= 0).map(Money::fen);
    }

    private static boolean flag(Map<String, String> p, String key) {
        String v = p.get(key);
        return v != null && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("on") || v.equals("1"));
    }

    private static final String SELECT = """
            select change_id, enterprise_id, kind, payload, summary, needs_head_office, status, maker, made_at,
                   checker, checked_at, outcome from dc_change
            """;

    private Change map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Change(rs.getLong(1), rs.getString(2), rs.getString(3), read(rs.getString(4)), rs.getString(5),
                rs.getBoolean(6), rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class),
                rs.getString(10), rs.getObject(11, OffsetDateTime.class), rs.getString(12));
    }

    private static Map<String, Object> describe(Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enterpriseId", c.enterpriseId());
        m.put("kind", c.kind());
        m.put("summary", c.summary());
        m.put("status", c.status());
        m.put("maker", c.maker());
        m.put("checker", c.checker());
        return m;
    }

    static String write(Map<String, String> p) {
        Properties props = new Properties();
        props.putAll(p);
        StringWriter w = new StringWriter();
        try {
            props.store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // drop the date comment line so that equal payloads are equal text
        List<String> lines = new ArrayList<>(w.toString().lines().filter(l -> !l.startsWith("#")).sorted().toList());
        String text = String.join("\n", lines);
        if (text.length() > 8000) {
            throw new Rejected("payload", "dc.rejected.tooLong");
        }
        return text;
    }

    static Map<String, String> read(String text) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new TreeMap<>();
        props.forEach((k, v) -> m.put(k.toString(), v.toString()));
        return m;
    }
}
