package org.ruralbank.platform;

/** What a staff user may do. A role grants actions; the user's {@link DataScope} limits the rows they see. */
public enum Role {
    /** System administration: users, orgs, configuration. */
    ADMIN,
    /** E-banking and technology department: data platform and channels. */
    EBANK,
    /** Performance office: targets, appraisal, bonus pools. */
    PERF,
    /** Branch head: sees the own branch, distributes its bonus pool. */
    BRANCH_HEAD,
    /** Customer manager: serves the own customers. */
    CM,
    /** Central authorizer: approves counter transactions remotely. */
    AUTHORIZER,
    /** Audit and risk: reads everything, changes nothing. */
    AUDITOR;

    /** The Spring Security authority name, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
