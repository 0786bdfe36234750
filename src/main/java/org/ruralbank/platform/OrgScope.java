package org.ruralbank.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where a staff user's data scope becomes a row filter. Every query that returns bank data takes an
 * {@code OrgScope} and appends {@link #where(String, String)} to its WHERE clause; nothing re-implements scope.
 *
 * <p>Rows carry the materialized org path of the org they belong to. {@code ALL} passes everything,
 * {@code ORG_AND_BELOW} a path prefix, {@code ORG} the exact path, {@code OWN_CUSTOMERS} the exact path and, where
 * the row has a managing staff column, only rows the user manages.
 */
public final class OrgScope {

    private static final OrgScope EVERYTHING = new OrgScope(DataScope.ALL, "/", null);

    private final DataScope kind;
    private final String orgPath;
    private final String staffId;

    private OrgScope(DataScope kind, String orgPath, String staffId) {
        this.kind = kind;
        this.orgPath = orgPath;
        this.staffId = staffId;
    }

    public static OrgScope of(StaffPrincipal staff) {
        return new OrgScope(staff.dataScope(), staff.orgPath(), staff.staffId());
    }

    /** The scope of system work that is not done on behalf of a person (loaders, scheduled runs, the CLI). */
    public static OrgScope everything() {
        return EVERYTHING;
    }

    public DataScope kind() {
        return kind;
    }

    /** Whether a row belonging to the org with this path is visible. */
    public boolean covers(String rowOrgPath) {
        if (rowOrgPath == null) {
            return kind == DataScope.ALL;
        }
        return switch (kind) {
            case ALL -> true;
            case ORG_AND_BELOW -> rowOrgPath.startsWith(orgPath);
            case ORG, OWN_CUSTOMERS -> rowOrgPath.equals(orgPath);
        };
    }

    /**
     * Whether everything a user of the org at {@code path} with data scope {@code scope} would see lies within this
     * scope: the test that keeps a grant from reaching further than its grantor.
     */
    public boolean contains(String path, DataScope scope) {
        if (kind == DataScope.ALL || (path.equals(orgPath) && scope == kind)) {
            return true;
        }
        return switch (kind) {
            case ALL -> true;
            case ORG_AND_BELOW -> scope != DataScope.ALL && path.startsWith(orgPath);
            case ORG -> scope == DataScope.OWN_CUSTOMERS && path.equals(orgPath);
            case OWN_CUSTOMERS -> false;
        };
    }

    /**
     * A condition over a row's org path column (and, for {@code OWN_CUSTOMERS}, its managing staff column, which
     * may be {@code null} where the row has none). Use it with named parameters: it binds {@code :scope_path} and
     * {@code :scope_staff} as needed.
     */
    public Condition where(String orgPathColumn, String staffIdColumn) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = switch (kind) {
            case ALL -> "1 = 1";
            case ORG_AND_BELOW -> {
                params.put("scope_path", orgPath + "%");
                yield orgPathColumn + " like :scope_path";
            }
            case ORG -> {
                params.put("scope_path", orgPath);
                yield orgPathColumn + " = :scope_path";
            }
            case OWN_CUSTOMERS -> {
                params.put("scope_path", orgPath);
                if (staffIdColumn == null) {
                    yield orgPathColumn + " = :scope_path";
                }
                params.put("scope_staff", staffId == null ? "" : staffId);
                yield "(" + orgPathColumn + " = :scope_path and " + staffIdColumn + " = :scope_staff)";
            }
        };
        return new Condition("(" + sql + ")", Map.copyOf(params));
    }

    /** A SQL condition and the named parameters it binds. */
    public record Condition(String sql, Map<String, Object> params) {}

    @Override
    public String toString() {
        return kind + " " + orgPath;
    }
}
