package org.ruralbank.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.ruralbank.platform.Bootstrap;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Grantor;
import org.ruralbank.platform.NewStaffUser;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.platform.StaffUser;
import org.ruralbank.platform.StaffUsers;
import org.ruralbank.platform.UserChange;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Builds orgs and staff users for a test through the real services, with ids unique within the shared test
 * context, and signs users in through the real login form.
 */
public final class TestBank {

    public static final String PASSWORD = "Chosen-Passw0rd";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final Orgs orgs;
    private final StaffUsers users;
    private final String run = Integer.toString((int) (Math.random() * 36 * 36 * 36), 36);

    public TestBank(ApplicationContext ctx) {
        this.orgs = ctx.getBean(Orgs.class);
        this.users = ctx.getBean(StaffUsers.class);
        ctx.getBean(Bootstrap.class).ensureFirstAdmin();
    }

    public String uniqueId(String prefix) {
        return (prefix + run + SEQ.incrementAndGet()).toUpperCase();
    }

    /** A new branch under the head office. */
    public Org branch(String name) {
        return orgs.create(uniqueId("B"), name, headOffice().orgId(), "测试镇");
    }

    public Org headOffice() {
        return orgs.list(OrgScope.everything()).stream().filter(o -> o.level() == Org.HEAD_OFFICE).findFirst()
                .orElseThrow();
    }

    public Org subBranch(Org branch, String name) {
        return orgs.create(uniqueId("S"), name, branch.orgId(), branch.townName());
    }

    /**
     * A user who has already replaced the one-time password with {@link #PASSWORD}. Made as the operator's console
     * makes users; a grant that needs a second person is approved by the first administrator, as in production.
     */
    public String user(Org org, DataScope scope, Role... roles) {
        return staffUser(org, scope, null, roles);
    }

    /** As {@link #user}, linked to a member of staff of the bank's CORE_STAFF (null for none). */
    public String staffUser(Org org, DataScope scope, String staffId, Role... roles) {
        String username = uniqueId("u").toLowerCase();
        users.changeOwnPassword(username, create(username, org, scope, staffId, EnumSet.of(roles[0], roles)),
                PASSWORD, PASSWORD);
        return username;
    }

    /** A user still holding the returned one-time password. */
    public String[] userWithOneTimePassword(Org org, Role role) {
        String username = uniqueId("u").toLowerCase();
        return new String[] {username, create(username, org, DataScope.ORG_AND_BELOW, null, EnumSet.of(role))};
    }

    private String create(String username, Org org, DataScope scope, String staffId, Set<Role> roles) {
        UserChange change = users.create(new NewStaffUser(username, "测试" + username, org.orgId(), staffId, roles,
                scope),
                Grantor.console());
        if (change instanceof UserChange.Proposed p) {
            change = users.approve(p.proposalId(), firstAdministrator());
        }
        return ((UserChange.Created) change).oneTimePassword();
    }

    /** The first administrator (head office, whole bank), as a principal. */
    public StaffPrincipal firstAdministrator() {
        return principal(Bootstrap.FIRST_ADMIN);
    }

    /** The signed-in view of a user, as the security layer builds it. */
    public StaffPrincipal principal(String username) {
        StaffUser u = users.findByUsername(username).orElseThrow();
        return new StaffPrincipal(u.userId(), u.username(), u.displayName(), u.orgId(), u.orgPath(), u.staffId(),
                u.roles(), u.dataScope());
    }

    public long userId(String username) {
        return users.findByUsername(username).orElseThrow().userId();
    }

    /** Signs in through the login form and returns the session. */
    public static MockHttpSession login(MockMvc mvc, String username, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(username).password(password)).andReturn();
        String target = result.getResponse().getRedirectedUrl();
        if (target == null || target.contains("/login")) {
            throw new AssertionError("login of " + username + " failed: redirected to " + target);
        }
        return (MockHttpSession) result.getRequest().getSession();
    }
}
