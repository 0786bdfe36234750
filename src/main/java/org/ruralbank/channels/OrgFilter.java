package org.ruralbank.channels;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;

/** The orgs a channel page reads: the user's scope, narrowed to one org's subtree when the page asks for one. */
final class OrgFilter {

    private OrgFilter() {
    }

    /**
     * The condition on {@code pathColumn} for {@code scope} and, when {@code orgId} is given, that org's subtree; an
     * org outside the scope is not found.
     */
    static OrgScope.Condition of(Orgs orgs, OrgScope scope, String pathColumn, String orgId) {
        OrgScope.Condition c = scope.where(pathColumn, null);
        if (orgId == null || orgId.isBlank()) {
            return c;
        }
        Org org = orgs.find(orgId, scope).orElseThrow(() -> new NotFound("org", orgId));
        Map<String, Object> p = new LinkedHashMap<>(c.params());
        p.put("sub_path", org.path() + "%");
        return new OrgScope.Condition(c.sql() + " and " + pathColumn + " like :sub_path", p);
    }
}
