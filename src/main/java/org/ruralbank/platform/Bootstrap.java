package org.ruralbank.platform;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * First-run set-up. There is no default password anywhere: when the store has no user, the first administrator is
 * created with a random one-time password that is shown once and must be changed at the first login.
 */
@Service
public class Bootstrap {

    /** The id of the head office created by hand before the provincial union's CORE_ORG arrives. */
    public static final String HEAD_OFFICE_ID = "HQ";

    public static final String FIRST_ADMIN = "admin";

    private final Orgs orgs;
    private final StaffUsers users;

    Bootstrap(Orgs orgs, StaffUsers users) {
        this.orgs = orgs;
        this.users = users;
    }

    /** Creates the head office (if the tree is empty) and the first administrator (if nobody exists). */
    @Transactional
    public Optional<String> ensureFirstAdmin() {
        if (users.count() > 0) {
            return Optional.empty();
        }
        String headOffice = orgs.list(OrgScope.everything()).stream()
                .filter(o -> o.level() == Org.HEAD_OFFICE)
                .map(Org::orgId)
                .findFirst()
                .orElseGet(() -> orgs.create(HEAD_OFFICE_ID, "总行", null, null).orgId());
        return Optional.of(users.createFirstAdministrator(headOffice).oneTimePassword());
    }

    /**
     * For the demo only: a fresh one-time password for the first administrator, so that every demo run prints a
     * working first login.
     */
    @Transactional
    public String demoAdminPassword() {
        return ensureFirstAdmin().orElseGet(() -> {
            StaffUser admin = users.findByUsername(FIRST_ADMIN).orElseThrow();
            return ((UserChange.PasswordReset) users.resetPassword(admin.userId(), Grantor.console()))
                    .oneTimePassword();
        });
    }
}
