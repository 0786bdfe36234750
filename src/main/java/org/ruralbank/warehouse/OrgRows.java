package org.ruralbank.warehouse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.OrgScope;

/**
 * The rows a named query may return: those within a staff user's data scope and, when a page asks for one org, within
 * that org's subtree. The caller makes sure the org lies within the scope (an org outside it is not found).
 *
 * @param subtreePath the materialized path of the org asked for, or null for the whole scope
 */
public record OrgRows(OrgScope scope, @Nullable String subtreePath) {

    public OrgRows {
        Objects.requireNonNull(scope, "scope");
    }

    /** The whole of {@code scope}. */
    public static OrgRows of(OrgScope scope) {
        return new OrgRows(scope, null);
    }

    /**
     * The condition over a row's org path column (and its managing staff column, or null where it has none), with the
     * named parameters it binds.
     */
    OrgScope.Condition over(String pathColumn, @Nullable String staffColumn) {
        OrgScope.Condition c = scope.where(pathColumn, staffColumn);
        if (subtreePath == null) {
            return c;
        }
        Map<String, Object> params = new LinkedHashMap<>(c.params());
        params.put("subtree_path", subtreePath + "%");
        return new OrgScope.Condition(c.sql() + " and " + pathColumn + " like :subtree_path", params);
    }
}
