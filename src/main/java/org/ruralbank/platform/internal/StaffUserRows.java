package org.ruralbank.platform.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffUser;

/** A staff user as the operational store holds it: the row read, its roles as one column, its audit description. */
final class StaffUserRows {

    static final String SELECT = """
            select u.user_id, u.username, u.display_name, u.org_id, o.org_name, o.org_path, u.staff_id,
                   u.data_scope, u.enabled, u.must_change_password, u.failed_logins, u.locked_until, u.created_at,
                   (select string_agg(r.role, ',') from staff_user_role r where r.user_id = u.user_id) as roles
              from staff_user u join org o on o.org_id = u.org_id
            """;

    private StaffUserRows() {}

    static StaffUser map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = roles(rs.getString("roles"));
        return new StaffUser(
                rs.getLong("user_id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("org_id"),
                rs.getString("org_name"),
                rs.getString("org_path"),
                rs.getString("staff_id"),
                roles,
                DataScope.valueOf(rs.getString("data_scope")),
                rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"),
                rs.getInt("failed_logins"),
                rs.getObject("locked_until", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    static Map<String, Object> describe(StaffUser u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.username());
        m.put("displayName", u.displayName());
        m.put("orgId", u.orgId());
        m.put("roles", roleList(u.roles()));
        m.put("dataScope", u.dataScope().name());
        m.put("enabled", u.enabled());
        m.put("mustChangePassword", u.mustChangePassword());
        m.put("locked", u.lockedUntil() != null);
        return m;
    }

    static String roleList(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static Set<Role> roles(String csv) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (csv != null && !csv.isBlank()) {
            for (String r : csv.split(",")) {
                roles.add(Role.valueOf(r.trim()));
            }
        }
        return roles;
    }
}
