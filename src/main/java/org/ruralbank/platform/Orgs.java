package org.ruralbank.platform;

import java.util.List;
import java.util.Optional;

/** The bank's org tree, kept as materialized paths. */
public interface Orgs {

    Optional<Org> find(String orgId);

    /** The org if it lies within the scope; an org outside the scope is reported as absent, never as forbidden. */
    default Optional<Org> find(String orgId, OrgScope scope) {
        return find(orgId).filter(o -> scope.covers(o.path()));
    }

    /** Every org the scope covers, in tree order (parents before children). */
    List<Org> list(OrgScope scope);

    /**
     * The orgs a form or filter may offer within the scope: the open ones, in tree order. A closed org (the
     * hand-made head office once CORE_ORG supersedes it, an org CORE_ORG closed) keeps its rows and history but is
     * offered nowhere.
     */
    default List<Org> choices(OrgScope scope) {
        return list(scope).stream().filter(Org::open).toList();
    }

    long count();

    /**
     * Creates an org by hand (before the provincial union's CORE_ORG keeps the tree); refuses a bad id or name, a
     * second head office, a missing parent, a level below the sub-branch, an existing id. Audited.
     */
    Org create(String orgId, String name, String parentOrgId, String townName);

    /**
     * Makes the tree follow the provincial union's CORE_ORG: paths come from each org's parent chain; new orgs
     * appear; orgs of STATUS C, or absent from CORE_ORG, are marked closed, never deleted; users keep their org. The
     * hand-made head office of a fresh install is superseded by CORE_ORG's head office: its users move there and it
     * is closed. Rows whose parent chain does not reach the head office are left out. Every change is audited.
     *
     * @return how many orgs were created or changed
     */
    int followCore(List<CoreOrgRow> rows);
}
