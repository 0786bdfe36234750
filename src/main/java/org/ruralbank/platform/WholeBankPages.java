package org.ruralbank.platform;

import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Pages about the whole bank rather than rows of an org: the data platform's dates, load reports and data tests,
 * the warehouse's model catalogue, lineage and SQL console, the actuator (health aside), and the approval of a grant
 * that needs a second whole-bank administrator (which {@code StaffUsers} checks again), the keeping of the head
 * office's departments (which {@code Departments} checks again), and the performance office's
 * decisions on the appraisal (schemes, budgets, runs, publishing, entries, pool approvals; the services check again). Only staff whose
 * data scope is the whole bank ({@link DataScope#ALL}) reach them, whatever their roles: a branch administrator
 * does not. This list is the one place the rule lives; the web security applies it to requests and the menu hides
 * what it covers, and {@code RoleReachTest} pins, for every role and scope, the pages reached.
 */
public final class WholeBankPages {

    /** The pages, as URL patterns ({@code /**} also matches the folder itself). */
    public static final List<String> PATTERNS = List.of(
            "/data/**",
            "/warehouse/models/**",
            "/warehouse/lineage",
            "/warehouse/sql/**",
            "/actuator/**",
            "/users/proposals/*/approve",
            "/orgs/departments/**",
            "/appraisal/office/**");

    private static final List<PathPattern> PARSED =
            PATTERNS.stream().map(PathPatternParser.defaultInstance::parse).toList();

    private WholeBankPages() {}

    /** Whether {@code path} (without the context path) is a whole-bank page. */
    public static boolean covers(String path) {
        PathContainer p = PathContainer.parsePath(path);
        return PARSED.stream().anyMatch(pattern -> pattern.matches(p));
    }

    /** Whether {@code staff} may see whole-bank pages. */
    public static boolean reachableBy(StaffPrincipal staff) {
        return staff.dataScope() == DataScope.ALL;
    }
}
