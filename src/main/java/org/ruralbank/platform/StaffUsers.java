package org.ruralbank.platform;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff users: creation with a one-time password, password changes and resets, roles, lock-out after repeated
 * failed logins. Every change is audited with its before and after state.
 */
@Service
public class StaffUsers {

    /** Failed logins in a row that lock an account. */
    public static final int MAX_FAILED_LOGINS = 5;
    /** How long a locked account stays locked. */
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    /** Session attribute present while the signed-in user still has a one-time password to change. */
    public static final String ONE_TIME_PASSWORD_ATTRIBUTE = "ruralbank.mustChangePassword";

    private static final String SELECT = """
            select u.user_id, u.username, u.display_name, u.org_id, o.org_name, o.org_path, u.staff_id,
                   u.data_scope, u.enabled, u.must_change_password, u.failed_logins, u.locked_until, u.created_at,
                   (select string_agg(r.role, ',') from staff_user_role r where r.user_id = u.user_id) as roles
              from staff_user u join org o on o.org_id = u.org_id
            """;
    private static final char[] PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    private final JdbcClient db;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Orgs orgs;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    StaffUsers(JdbcClient db, PasswordEncoder encoder, AuditLog audit, Orgs orgs, Clock clock) {
        this.db = db;
        this.encoder = encoder;
        this.audit = audit;
        this.orgs = orgs;
        this.clock = clock;
    }

    public long count() {
        return db.sql("select count(*) from staff_user").query(Long.class).single();
    }

    public Optional<StaffUser> find(long userId, OrgScope scope) {
        return db.sql(SELECT + " where u.user_id = :id").param("id", userId).query(StaffUsers::map).optional()
                .filter(u -> scope.covers(u.orgPath()));
    }

    public Optional<StaffUser> findByUsername(String username) {
        return db.sql(SELECT + " where u.username = :name").param("name", username).query(StaffUsers::map)
                .optional();
    }

    /** Users within the scope whose username, name or org matches {@code keyword} (blank: all), a page at a time. */
    public PageOf<StaffUser> search(OrgScope scope, String keyword, int page, int size) {
        OrgScope.Condition c = scope.where("o.org_path", null);
        String where = " where " + c.sql() + keywordFilter(keyword);
        Map<String, Object> params = new LinkedHashMap<>(c.params());
        if (keyword != null && !keyword.isBlank()) {
            params.put("kw", "%" + keyword.trim().toLowerCase() + "%");
        }
        long total = db.sql("select count(*) from staff_user u join org o on o.org_id = u.org_id" + where)
                .params(params).query(Long.class).single();
        PageOf<StaffUser> shape = new PageOf<>(List.of(), page, size, total);
        List<StaffUser> items = db.sql(SELECT + where + " order by o.org_path, u.username limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", shape.offset()).query(StaffUsers::map).list();
        return new PageOf<>(items, page, size, total);
    }

    /** Every user within the scope, for export. */
    public List<StaffUser> all(OrgScope scope, String keyword) {
        OrgScope.Condition c = scope.where("o.org_path", null);
        Map<String, Object> params = new LinkedHashMap<>(c.params());
        if (keyword != null && !keyword.isBlank()) {
            params.put("kw", "%" + keyword.trim().toLowerCase() + "%");
        }
        return db.sql(SELECT + " where " + c.sql() + keywordFilter(keyword) + " order by o.org_path, u.username")
                .params(params).query(StaffUsers::map).list();
    }

    private static String keywordFilter(String keyword) {
        return keyword == null || keyword.isBlank() ? ""
                : " and (lower(u.username) like :kw or lower(u.display_name) like :kw or lower(o.org_name) like :kw)";
    }

    /**
     * Creates a user with a random one-time password that must be changed at first login.
     *
     * @return the one-time password, to be shown once and never stored in clear
     */
    @Transactional
    public String create(NewStaffUser user, OrgScope actorScope) {
        if (user.username() == null || !user.username().matches("[A-Za-z0-9_.-]{3,40}")) {
            throw new Rejected("username", "user.rejected.badUsername");
        }
        if (user.displayName() == null || user.displayName().isBlank() || user.displayName().length() > 60) {
            throw new Rejected("displayName", "user.rejected.badName");
        }
        checkRoles(user.roles());
        Org org = orgs.find(user.orgId(), actorScope)
                .orElseThrow(() -> new Rejected("orgId", "user.rejected.noOrg", user.orgId()));
        if (findByUsername(user.username()).isPresent()) {
            throw new Rejected("username", "user.rejected.exists", user.username());
        }
        DataScope scope = user.roles().contains(Role.AUDITOR) ? DataScope.ALL : user.dataScope();
        if (scope == null) {
            throw new Rejected("dataScope", "user.rejected.noScope");
        }
        String password = oneTimePassword();
        OffsetDateTime now = OffsetDateTime.now(clock);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        db.sql("""
                insert into staff_user (username, display_name, org_id, staff_id, data_scope, password_hash,
                                        must_change_password, failed_logins, enabled, created_at)
                values (:username, :name, :org, :staff, :scope, :hash, true, 0, true, :now)
                """)
                .param("username", user.username()).param("name", user.displayName()).param("org", org.orgId())
                .param("staff", blankToNull(user.staffId())).param("scope", scope.name())
                .param("hash", encoder.encode(password)).param("now", now)
                .update(keys, "user_id");
        long id = keys.getKeyAs(Number.class).longValue();
        writeRoles(id, user.roles());
        audit.record("user.create", "user", user.username(), null, describe(find(id, OrgScope.everything()).get()));
        return password;
    }

    /** Sets a new one-time password (the user must change it at the next login) and unlocks the account. */
    @Transactional
    public String resetPassword(long userId, OrgScope actorScope) {
        StaffUser before = find(userId, actorScope).orElseThrow(() -> notFound(userId));
        String password = oneTimePassword();
        db.sql("""
                update staff_user set password_hash = :hash, must_change_password = true, failed_logins = 0,
                       locked_until = null where user_id = :id
                """).param("hash", encoder.encode(password)).param("id", userId).update();
        audit.record("user.resetPassword", "user", before.username(), describe(before),
                describe(find(userId, OrgScope.everything()).get()));
        return password;
    }

    /** Changes roles, scope, org and enablement of a user in the actor's scope. */
    @Transactional
    public void update(long userId, String displayName, String orgId, Set<Role> roles, DataScope dataScope,
            boolean enabled, OrgScope actorScope) {
        StaffUser before = find(userId, actorScope).orElseThrow(() -> notFound(userId));
        checkRoles(roles);
        Org org = orgs.find(orgId, actorScope).orElseThrow(() -> new Rejected("orgId", "user.rejected.noOrg", orgId));
        DataScope scope = roles.contains(Role.AUDITOR) ? DataScope.ALL : dataScope;
        db.sql("""
                update staff_user set display_name = :name, org_id = :org, data_scope = :scope, enabled = :enabled
                 where user_id = :id
                """).param("name", displayName).param("org", org.orgId()).param("scope", scope.name())
                .param("enabled", enabled).param("id", userId).update();
        db.sql("delete from staff_user_role where user_id = :id").param("id", userId).update();
        writeRoles(userId, roles);
        audit.record("user.update", "user", before.username(), describe(before),
                describe(find(userId, OrgScope.everything()).get()));
    }

    /**
     * Follows the provincial union's CORE_STAFF: a user linked to a staff id whose STATUS is L (left) is disabled.
     * Users keep their org; nobody is enabled again automatically. Every change is audited.
     *
     * @return how many users were disabled
     */
    @Transactional
    public int followCore(List<CoreStaffRow> staff) {
        int changed = 0;
        for (CoreStaffRow row : staff) {
            if (!"L".equals(row.status())) {
                continue;
            }
            List<StaffUser> linked = db.sql(SELECT + " where u.staff_id = :staff and u.enabled = true")
                    .param("staff", row.staffId()).query(StaffUsers::map).list();
            for (StaffUser before : linked) {
                db.sql("update staff_user set enabled = false where user_id = :id").param("id", before.userId())
                        .update();
                audit.record("user.followCore", "user", before.username(), describe(before),
                        describe(find(before.userId(), OrgScope.everything()).get()));
                changed++;
            }
        }
        return changed;
    }

    /** Clears a lock-out before it expires. */
    @Transactional
    public void unlock(long userId, OrgScope actorScope) {
        StaffUser before = find(userId, actorScope).orElseThrow(() -> notFound(userId));
        db.sql("update staff_user set failed_logins = 0, locked_until = null where user_id = :id")
                .param("id", userId).update();
        audit.record("user.unlock", "user", before.username(), describe(before),
                describe(find(userId, OrgScope.everything()).get()));
    }

    /**
     * Changes the user's own password after checking the current one and the password rules.
     */
    @Transactional
    public void changeOwnPassword(String username, String current, String next, String repeat) {
        StaffUser user = findByUsername(username).orElseThrow(() -> new Rejected("username", "user.rejected.unknown"));
        String hash = db.sql("select password_hash from staff_user where user_id = :id").param("id", user.userId())
                .query(String.class).single();
        if (!encoder.matches(current == null ? "" : current, hash)) {
            throw new Rejected("current", "password.rejected.current");
        }
        if (next == null || !next.equals(repeat)) {
            throw new Rejected("repeat", "password.rejected.repeat");
        }
        checkPasswordRules(username, current, next);
        db.sql("""
                update staff_user set password_hash = :hash, must_change_password = false,
                       password_changed_at = :now where username = :u
                """).param("hash", encoder.encode(next)).param("now", OffsetDateTime.now(clock))
                .param("u", username).update();
        audit.recordAs(username, user.orgPath(), "user.changePassword", AuditLog.Outcome.OK, "user", username, null, null);
    }

    /** A user holds at least one role; auditors read everything and change nothing, so that role stands alone. */
    private static void checkRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new Rejected("roles", "user.rejected.noRole");
        }
        if (roles.contains(Role.AUDITOR) && roles.size() > 1) {
            throw new Rejected("roles", "user.rejected.auditorAlone");
        }
    }

    /** Rules for a chosen password: at least 10 characters, letters and digits, not the username, not the old one. */
    static void checkPasswordRules(String username, String current, String next) {
        if (next.length() < 10 || next.length() > 128) {
            throw new Rejected("next", "password.rejected.length");
        }
        if (!next.chars().anyMatch(Character::isLetter) || !next.chars().anyMatch(Character::isDigit)) {
            throw new Rejected("next", "password.rejected.mix");
        }
        if (next.equalsIgnoreCase(username) || next.equals(current)) {
            throw new Rejected("next", "password.rejected.reuse");
        }
    }

    /** Records a failed login; the account locks for {@link #LOCK_DURATION} after {@link #MAX_FAILED_LOGINS}. */
    @Transactional
    public void loginFailed(String username) {
        db.sql("update staff_user set failed_logins = failed_logins + 1 where username = :u").param("u", username)
                .update();
        db.sql("update staff_user set locked_until = :until where username = :u and failed_logins >= :max")
                .param("until", OffsetDateTime.now(clock).plus(LOCK_DURATION)).param("u", username)
                .param("max", MAX_FAILED_LOGINS).update();
    }

    @Transactional
    public void loginSucceeded(String username) {
        db.sql("update staff_user set failed_logins = 0, locked_until = null where username = :u")
                .param("u", username).update();
    }

    /** A one-time password of 16 characters from an alphabet without look-alikes (0/O, 1/l/I). */
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
            db.sql("insert into staff_user_role (user_id, role) values (:id, :role)").param("id", userId)
                    .param("role", role.name()).update();
        }
    }

    private static Rejected notFound(long userId) {
        return new NotFound("user", String.valueOf(userId));
    }

    static Map<String, Object> describe(StaffUser u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.username());
        m.put("displayName", u.displayName());
        m.put("orgId", u.orgId());
        m.put("roles", u.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        m.put("dataScope", u.dataScope().name());
        m.put("enabled", u.enabled());
        m.put("mustChangePassword", u.mustChangePassword());
        m.put("locked", u.lockedUntil() != null);
        return m;
    }

    private static StaffUser map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String csv = rs.getString("roles");
        if (csv != null) {
            for (String r : csv.split(",")) {
                roles.add(Role.valueOf(r.trim()));
            }
        }
        return new StaffUser(rs.getLong("user_id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("org_id"), rs.getString("org_name"), rs.getString("org_path"), rs.getString("staff_id"),
                roles, DataScope.valueOf(rs.getString("data_scope")), rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"), rs.getInt("failed_logins"),
                rs.getObject("locked_until", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}
