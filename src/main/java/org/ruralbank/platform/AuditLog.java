package org.ruralbank.platform;

import java.util.Map;

/**
 * The append-only record of logins and every state-changing action: who, when, what, before and after.
 * Entries are never changed or removed.
 */
public interface AuditLog {

    /** Records an action of the signed-in staff user (or of the system, when nobody is signed in). */
    void record(String action, String targetType, String targetId, Map<String, ?> before, Map<String, ?> after);

    /** Records an action of a named actor, for logins and command-line work. */
    void recordAs(
            String actor,
            String actorOrgPath,
            String action,
            Outcome outcome,
            String targetType,
            String targetId,
            Map<String, ?> before,
            Map<String, ?> after);

    enum Outcome {
        OK,
        DENIED,
        FAILED
    }
}
