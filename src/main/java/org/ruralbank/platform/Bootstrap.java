package org.ruralbank.platform;

import java.util.EnumSet;
import java.util.List;
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
        String headOffice = orgs.list(OrgScope.everything()).stream().filter(o -> o.level() == Org.HEAD_OFFICE)
                .map(Org::orgId).findFirst()
                .orElseGet(() -> orgs.create(HEAD_OFFICE_ID, "总行", null, null).orgId());
        return Optional.of(users.create(new NewStaffUser(FIRST_ADMIN, "系统管理员", headOffice, null,
                EnumSet.of(Role.ADMIN), DataScope.ALL), OrgScope.everything()));
    }

    /**
     * For the demo only: a fresh one-time password for the first administrator, so that every demo run prints a
     * working first login.
     */
    @Transactional
    public String demoAdminPassword() {
        return ensureFirstAdmin().orElseGet(() -> {
            StaffUser admin = users.findByUsername(FIRST_ADMIN).orElseThrow();
            return users.resetPassword(admin.userId(), OrgScope.everything());
        });
    }

    /** A small hand-made org tree for the demo, until the generated bank's CORE_ORG replaces it. */
    @Transactional
    public void demoOrgTree() {
        if (orgs.count() > 1) {
            return;
        }
        String hq = orgs.list(OrgScope.everything()).get(0).orgId();
        record Branch(String id, String name, String town, List<String[]> subs) {
        }
        List<Branch> branches = List.of(
                new Branch("B01", "城关支行", "城关镇", List.of(new String[] {"S0101", "城东分理处"},
                        new String[] {"S0102", "城西分理处"})),
                new Branch("B02", "郑武支行", "郑武镇", List.<String[]>of(new String[] {"S0201", "横山分理处"})),
                new Branch("B03", "河口支行", "河口镇", List.of()));
        for (Branch b : branches) {
            orgs.create(b.id(), b.name(), hq, b.town());
            for (String[] s : b.subs()) {
                orgs.create(s[0], s[1], b.id(), b.town());
            }
        }
    }
}
