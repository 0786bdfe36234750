package org.ruralbank.platform.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.Bootstrap;
import org.ruralbank.platform.CoreStaffRow;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.GrantProposal;
import org.ruralbank.platform.GrantRules;
import org.ruralbank.platform.Grantor;
import org.ruralbank.platform.NewStaffUser;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.PageOf;
import org.ruralbank.platform.Refused;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.platform.StaffUser;
import org.ruralbank.platform.StaffUsers;
import org.ruralbank.platform.UserChange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The staff users of the operational store (see {@link StaffUsers} for what they guarantee). */
@Service
class JdbcStaffUsers implements StaffUsers {

    private static final char[] PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    private final JdbcClient db;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Orgs orgs;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final GrantProposals proposals;
    private final SecureRandom random = new SecureRandom();

    JdbcStaffUsers(
            JdbcClient db,
            PasswordEncoder encoder,
            AuditLog audit,
            Orgs orgs,
            Clock clock,
            TransactionTemplate tx,
            GrantProposals proposals) {
        this.db = db;
        this.proposals = proposals;
        this.tx = tx;
        this.encoder = encoder;
        this.audit = audit;
        this.orgs = orgs;
        this.clock = clock;
    }

    @Override
    public long count() {
        return db.sql("select count(*) from staff_user").query(Long.class).single();
    }

    @Override
    public Optional<StaffUser> find(long userId, OrgScope scope) {
        return db.sql(StaffUserRows.SELECT + " where u.user_id = :id")
                .param("id", userId)
                .query(StaffUserRows::map)
                .optional()
                .filter(u -> scope.covers(u.orgPath()));
    }

    @Override
    public Optional<StaffUser> findByUsername(String username) {
        return db.sql(StaffUserRows.SELECT + " where u.username = :name")
                .param("name", username)
                .query(StaffUserRows::map)
                .optional();
    }

    @Override
    public PageOf<StaffUser> search(OrgScope scope, String keyword, int page, int size) {
        OrgScope.Condition c = scope.where("o.org_path", null);
        String where = " where " + c.sql() + keywordFilter(keyword);
        Map<String, Object> params = new LinkedHashMap<>(c.params());
        if (keyword != null && !keyword.isBlank()) {
            params.put("kw", "%" + keyword.trim().toLowerCase() + "%");
        }
        long total = db.sql("select count(*) from staff_user u join org o on o.org_id = u.org_id" + where)
                .params(params)
                .query(Long.class)
                .single();
        PageOf<StaffUser> shape = new PageOf<>(List.of(), page, size, total);
        List<StaffUser> items = db.sql(
                        StaffUserRows.SELECT + where + " order by o.org_path, u.username limit :limit offset :offset")
                .params(params)
                .param("limit", size)
                .param("offset", shape.offset())
                .query(StaffUserRows::map)
                .list();
        return new PageOf<>(items, page, size, total);
    }

    @Override
    public List<StaffUser> all(OrgScope scope, String keyword) {
        OrgScope.Condition c = scope.where("o.org_path", null);
        Map<String, Object> params = new LinkedHashMap<>(c.params());
        if (keyword != null && !keyword.isBlank()) {
            params.put("kw", "%" + keyword.trim().toLowerCase() + "%");
        }
        return db.sql(StaffUserRows.SELECT + " where " + c.sql() + keywordFilter(keyword)
                        + " order by o.org_path, u.username")
                .params(params)
                .query(StaffUserRows::map)
                .list();
    }

    private static String keywordFilter(String keyword) {
        return keyword == null || keyword.isBlank()
                ? ""
                : " and (lower(u.username) like :kw or lower(u.display_name) like :kw or lower(o.org_name) like :kw)";
    }

    @Override
    public UserChange create(NewStaffUser user, Grantor grantor) {
        return guarded(grantor, "user.create", user.username(), () -> {
            GrantRules.requireAdministrator(grantor);
            if (user.username() == null || !user.username().matches("[A-Za-z0-9_.-]{3,40}")) {
                throw new Rejected("username", "user.rejected.badUsername");
            }
            GrantRules.checkName(user.displayName());
            GrantRules.checkRoles(user.roles());
            GrantRules.checkStaffId(user.staffId());
            Org org = orgs.find(user.orgId(), grantor.reach())
                    .filter(Org::open)
                    .orElseThrow(() -> new Rejected("orgId", "user.rejected.noOrg", user.orgId()));
            if (findByUsername(user.username()).isPresent()) {
                throw new Rejected("username", "user.rejected.exists", user.username());
            }
            DataScope scope = GrantRules.effectiveScope(user.roles(), user.dataScope());
            checkGrant(grantor, null, org, user.roles(), scope);
            GrantProposal asked = GrantProposal.asked(
                    GrantProposal.Kind.CREATE,
                    null,
                    user.username(),
                    new GrantProposal.Access(
                            user.displayName().trim(),
                            org.orgId(),
                            blankToNull(user.staffId()),
                            user.roles(),
                            scope,
                            true));
            if (GrantRules.needsSecondPerson(grantor, null, user.roles(), scope)) {
                return proposals.propose(asked, org.path(), grantor);
            }
            return insert(asked, grantor.name(), grantor.orgPath());
        });
    }

    @Override
    public UserChange update(
            long userId,
            @Nullable String displayName,
            @Nullable String orgId,
            Set<Role> roles,
            @Nullable DataScope dataScope,
            boolean enabled,
            Grantor grantor) {
        return guarded(grantor, "user.update", String.valueOf(userId), () -> {
            GrantRules.requireAdministrator(grantor);
            StaffUser before = find(userId, grantor.reach()).orElseThrow(() -> notFound(userId));
            GrantRules.checkTarget(grantor, before);
            GrantRules.checkName(displayName);
            GrantRules.checkRoles(roles);
            Org org = orgs.find(orgId, grantor.reach())
                    .orElseThrow(() -> new Rejected("orgId", "user.rejected.noOrg", orgId));
            DataScope scope = GrantRules.effectiveScope(roles, dataScope);
            checkGrant(grantor, before, org, roles, scope);
            GrantProposal asked = GrantProposal.asked(
                    GrantProposal.Kind.UPDATE,
                    userId,
                    before.username(),
                    new GrantProposal.Access(displayName.trim(), org.orgId(), before.staffId(), roles, scope, enabled));
            if (GrantRules.needsSecondPerson(grantor, before, roles, scope)) {
                return proposals.propose(asked, before.orgPath(), grantor);
            }
            return apply(asked, grantor.name(), grantor.orgPath());
        });
    }

    @Override
    public UserChange resetPassword(long userId, Grantor grantor) {
        return guarded(grantor, "user.resetPassword", String.valueOf(userId), () -> {
            GrantRules.requireAdministrator(grantor);
            StaffUser before = find(userId, grantor.reach()).orElseThrow(() -> notFound(userId));
            GrantRules.checkTarget(grantor, before);
            GrantProposal asked =
                    GrantProposal.asked(GrantProposal.Kind.RESET_PASSWORD, userId, before.username(), null);
            if (grantor instanceof Grantor.Staff
                    && GrantRules.wholeBankAdministrator(before)
                    && !GrantRules.self(grantor, before)) {
                return proposals.propose(asked, before.orgPath(), grantor);
            }
            return apply(asked, grantor.name(), grantor.orgPath());
        });
    }

    @Override
    public void unlock(long userId, Grantor grantor) {
        guarded(grantor, "user.unlock", String.valueOf(userId), () -> {
            GrantRules.requireAdministrator(grantor);
            StaffUser before = find(userId, grantor.reach()).orElseThrow(() -> notFound(userId));
            GrantRules.checkTarget(grantor, before);
            db.sql("update staff_user set failed_logins = 0, locked_until = null where user_id = :id")
                    .param("id", userId)
                    .update();
            audit.recordAs(
                    grantor.name(),
                    grantor.orgPath(),
                    "user.unlock",
                    AuditLog.Outcome.OK,
                    "user",
                    before.username(),
                    StaffUserRows.describe(before),
                    StaffUserRows.describe(find(userId, OrgScope.everything()).get()));
            return null;
        });
    }

    @Override
    public UserChange.Created createFirstAdministrator(String headOfficeId) {
        return tx.execute(s -> {
            if (count() > 0) {
                throw new IllegalStateException("the first administrator exists already");
            }
            return insert(
                    GrantProposal.asked(
                            GrantProposal.Kind.CREATE,
                            null,
                            Bootstrap.FIRST_ADMIN,
                            new GrantProposal.Access(
                                    "系统管理员", headOfficeId, null, EnumSet.of(Role.ADMIN), DataScope.ALL, true)),
                    "system",
                    null);
        });
    }

    @Override
    public List<GrantProposal> pendingProposals(Grantor grantor) {
        return proposals.pending(grantor);
    }

    @Override
    public Optional<GrantProposal> proposal(long proposalId) {
        return proposals.find(proposalId);
    }

    @Override
    public UserChange approve(long proposalId, StaffPrincipal checker) {
        Grantor g = Grantor.of(checker);
        return guarded(g, "user.grant.approve", String.valueOf(proposalId), () -> {
            GrantProposal p = decidable(proposalId, g);
            if (p.maker().equals(checker.username())) {
                throw new Refused("checker", "user.refused.sameChecker");
            }
            if (p.userId() != null && p.userId() == checker.userId()) {
                throw new Refused("checker", "user.refused.checkerIsTarget");
            }
            UserChange done = apply(p, checker.username(), checker.orgPath());
            proposals.decide(
                    p,
                    "APPROVED",
                    checker,
                    done instanceof UserChange.Created c
                            ? "created " + c.username()
                            : done instanceof UserChange.PasswordReset r
                                    ? "password reset for " + r.username()
                                    : "updated " + done.username());
            return done;
        });
    }

    @Override
    public void reject(long proposalId, @Nullable String reason, StaffPrincipal checker) {
        Grantor g = Grantor.of(checker);
        guarded(g, "user.grant.reject", String.valueOf(proposalId), () -> {
            // a proposal the actor may neither decide nor withdraw is not there for them
            GrantProposal p = proposal(proposalId)
                    .filter(x -> checker.username().equals(x.maker())
                            || (g.wholeBank() && g.roles().contains(Role.ADMIN)))
                    .orElseThrow(() -> new NotFound("proposal", "" + proposalId));
            if (!"PENDING".equals(p.status())) {
                throw new Rejected("proposalId", "user.rejected.notPending");
            }
            proposals.decide(
                    p,
                    "REJECTED",
                    checker,
                    reason == null ? "" : reason.length() > 400 ? reason.substring(0, 400) : reason);
            return null;
        });
    }

    /** A pending proposal the grantor may decide: only whole-bank administrators decide. */
    private GrantProposal decidable(long proposalId, Grantor g) {
        if (!g.roles().contains(Role.ADMIN) || !g.wholeBank()) {
            throw new Refused("checker", "user.refused.checkerNotWholeBank");
        }
        GrantProposal p = proposal(proposalId).orElseThrow(() -> new NotFound("proposal", "" + proposalId));
        if (!"PENDING".equals(p.status())) {
            throw new Rejected("proposalId", "user.rejected.notPending");
        }
        return p;
    }

    /** Applies an update or a password reset that is allowed (checked already, or approved). */
    private UserChange apply(GrantProposal p, String actor, String actorOrgPath) {
        if (p.kind() == GrantProposal.Kind.CREATE) {
            return insert(p, actor, actorOrgPath);
        }
        StaffUser before = find(p.userId(), OrgScope.everything()).orElseThrow(() -> notFound(p.userId()));
        if (p.kind() == GrantProposal.Kind.RESET_PASSWORD) {
            String password = oneTimePassword();
            db.sql("""
                    update staff_user set password_hash = :hash, must_change_password = true, failed_logins = 0,
                           locked_until = null where user_id = :id
                    """)
                    .param("hash", encoder.encode(password))
                    .param("id", p.userId())
                    .update();
            audit.recordAs(
                    actor,
                    actorOrgPath,
                    "user.resetPassword",
                    AuditLog.Outcome.OK,
                    "user",
                    before.username(),
                    StaffUserRows.describe(before),
                    StaffUserRows.describe(
                            find(p.userId(), OrgScope.everything()).get()));
            return new UserChange.PasswordReset(p.userId(), before.username(), password);
        }
        GrantProposal.Access a = p.access();
        db.sql("""
                update staff_user set display_name = :name, org_id = :org, data_scope = :scope, enabled = :enabled
                 where user_id = :id
                """)
                .param("name", a.displayName())
                .param("org", a.orgId())
                .param("scope", a.dataScope().name())
                .param("enabled", a.enabled())
                .param("id", p.userId())
                .update();
        db.sql("delete from staff_user_role where user_id = :id")
                .param("id", p.userId())
                .update();
        writeRoles(p.userId(), a.roles());
        audit.recordAs(
                actor,
                actorOrgPath,
                "user.update",
                AuditLog.Outcome.OK,
                "user",
                before.username(),
                StaffUserRows.describe(before),
                StaffUserRows.describe(find(p.userId(), OrgScope.everything()).get()));
        return new UserChange.Updated(p.userId(), before.username());
    }

    private UserChange.Created insert(GrantProposal p, String actor, String actorOrgPath) {
        GrantProposal.Access a = p.access();
        String password = oneTimePassword();
        var keys = new GeneratedKeyHolder();
        try {
            db.sql("""
                    insert into staff_user (username, display_name, org_id, staff_id, data_scope, password_hash,
                                            must_change_password, failed_logins, enabled, created_at)
                    values (:username, :name, :org, :staff, :scope, :hash, true, 0, true, :now)
                    """)
                    .param("username", p.username())
                    .param("name", a.displayName())
                    .param("org", a.orgId())
                    .param("staff", a.staffId())
                    .param("scope", a.dataScope().name())
                    .param("hash", encoder.encode(password))
                    .param("now", OffsetDateTime.now(clock))
                    .update(keys, "user_id");
        } catch (DuplicateKeyException taken) {
            throw new Rejected("username", "user.rejected.exists", p.username());
        }
        long id = keys.getKeyAs(Number.class).longValue();
        writeRoles(id, a.roles());
        audit.recordAs(
                actor,
                actorOrgPath,
                "user.create",
                AuditLog.Outcome.OK,
                "user",
                p.username(),
                null,
                StaffUserRows.describe(find(id, OrgScope.everything()).get()));
        return new UserChange.Created(id, p.username(), password);
    }

    /**
     * Runs a change in its own transaction; a refusal rolls everything back and is audited as denied, naming the
     * field at fault and the reason.
     */
    private <T> T guarded(Grantor grantor, String action, String target, Supplier<T> work) {
        try {
            return tx.execute(s -> work.get());
        } catch (Rejected r) {
            audit.recordAs(
                    grantor.name(),
                    grantor.orgPath(),
                    action,
                    AuditLog.Outcome.DENIED,
                    "user",
                    target,
                    null,
                    Map.of("field", r.field(), "reason", r.code()));
            throw r;
        }
    }

    /**
     * The rule of every grant: nobody gives a role they may not give ({@link #mayGrant}), a scope or an org beyond
     * their own reach, and nobody gives themselves a role they do not hold yet.
     */
    private static void checkGrant(
            Grantor grantor, @Nullable StaffUser before, Org org, Set<Role> roles, DataScope scope) {
        for (Role role : roles) {
            if (!GrantRules.mayGrant(grantor, role)) {
                throw new Refused("roles", "user.refused.role", role.name());
            }
        }
        if (before != null
                && GrantRules.self(grantor, before)
                && !before.roles().containsAll(roles)) {
            throw new Refused("roles", "user.refused.ownRoles");
        }
        if (!grantor.reach().contains(org.path(), scope)) {
            throw new Refused("dataScope", "user.refused.scope", scope.name(), org.orgId());
        }
    }

    @Transactional
    @Override
    public int followCore(List<CoreStaffRow> staff) {
        int changed = 0;
        for (CoreStaffRow row : staff) {
            if (!"L".equals(row.status())) {
                continue;
            }
            List<StaffUser> linked = db.sql(StaffUserRows.SELECT + " where u.staff_id = :staff and u.enabled = true")
                    .param("staff", row.staffId())
                    .query(StaffUserRows::map)
                    .list();
            for (StaffUser before : linked) {
                db.sql("update staff_user set enabled = false where user_id = :id")
                        .param("id", before.userId())
                        .update();
                audit.record(
                        "user.followCore",
                        "user",
                        before.username(),
                        StaffUserRows.describe(before),
                        StaffUserRows.describe(
                                find(before.userId(), OrgScope.everything()).get()));
                changed++;
            }
        }
        return changed;
    }

    @Transactional
    @Override
    public void changeOwnPassword(String username, String current, String next, String repeat) {
        StaffUser user = findByUsername(username).orElseThrow(() -> new Rejected("username", "user.rejected.unknown"));
        String hash = db.sql("select password_hash from staff_user where user_id = :id")
                .param("id", user.userId())
                .query(String.class)
                .single();
        if (!encoder.matches(current == null ? "" : current, hash)) {
            throw new Rejected("current", "password.rejected.current");
        }
        if (next == null || !next.equals(repeat)) {
            throw new Rejected("repeat", "password.rejected.repeat");
        }
        GrantRules.checkPasswordRules(username, current, next);
        db.sql("""
                update staff_user set password_hash = :hash, must_change_password = false,
                       password_changed_at = :now where username = :u
                """)
                .param("hash", encoder.encode(next))
                .param("now", OffsetDateTime.now(clock))
                .param("u", username)
                .update();
        audit.recordAs(
                username, user.orgPath(), "user.changePassword", AuditLog.Outcome.OK, "user", username, null, null);
    }

    @Transactional
    @Override
    public void loginFailed(String username) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.sql("""
                update staff_user
                   set failed_logins = case when locked_until is null then failed_logins + 1 else 1 end,
                       locked_until = null
                 where username = :u and (locked_until is null or locked_until <= :now)
                """).param("u", username).param("now", now).update();
        db.sql("""
                update staff_user set locked_until = :until
                 where username = :u and failed_logins >= :max and locked_until is null
                """)
                .param("until", now.plus(LOCK_DURATION))
                .param("u", username)
                .param("max", MAX_FAILED_LOGINS)
                .update();
    }

    @Transactional
    @Override
    public void loginSucceeded(String username) {
        db.sql("update staff_user set failed_logins = 0, locked_until = null where username = :u")
                .param("u", username)
                .update();
    }

    @Override
    public String oneTimePassword() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(PASSWORD_ALPHABET[random.nextInt(PASSWORD_ALPHABET.length)]);
        }
        // the rules ask for letters and digits; the alphabet makes both likely, this makes them certain
        sb.setCharAt(random.nextInt(8), (char) ('2' + random.nextInt(8)));
        sb.setCharAt(8 + random.nextInt(8), (char) ('a' + random.nextInt(8)));
        return sb.toString();
    }

    private void writeRoles(long userId, Set<Role> roles) {
        for (Role role : roles) {
            db.sql("insert into staff_user_role (user_id, role) values (:id, :role)")
                    .param("id", userId)
                    .param("role", role.name())
                    .update();
        }
    }

    private static Rejected notFound(long userId) {
        return new NotFound("user", String.valueOf(userId));
    }

    private static @Nullable String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
