package org.ruralbank.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Grantor;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffUser;
import org.ruralbank.platform.StaffUsers;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 12, lock-out: a lock ends for good when it expires, one source cannot lock anyone out, the console unlocks
 * beside the running server, and the login does not tell a locked or unknown name from a wrong password.
 */
@OnPostgres
class LockoutTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    StaffUsers users;

    @Autowired
    JdbcClient db;

    TestBank bank;
    Org branch;
    /** Each test signs in from addresses of its own, so the per-source throttle of one does not touch another. */
    String net;

    @BeforeEach
    void setUp() {
        bank = new TestBank(ctx);
        branch = bank.branch("锁定支行");
        net = "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + ".";
    }

    @Test
    void oneWrongTryAfterALockExpiredDoesNotLockAgain() {
        String name = bank.user(branch, DataScope.ORG, Role.CM);
        for (int i = 0; i < StaffUsers.MAX_FAILED_LOGINS; i++) {
            users.loginFailed(name);
        }
        assertThat(users.findByUsername(name).orElseThrow().lockedUntil()).isNotNull();
        // tries while locked neither count nor prolong the lock
        OffsetDateTime until = users.findByUsername(name).orElseThrow().lockedUntil();
        users.loginFailed(name);
        assertThat(users.findByUsername(name).orElseThrow().lockedUntil()).isEqualTo(until);

        expireLock(name);
        users.loginFailed(name);
        StaffUser after = users.findByUsername(name).orElseThrow();
        assertThat(after.lockedUntil()).isNull();
        assertThat(after.failedLogins()).isEqualTo(1);
    }

    @Test
    void oneSourceCannotLockAnAccountOut() throws Exception {
        String name = bank.user(branch, DataScope.ORG, Role.CM);
        for (int i = 0; i < 3 * StaffUsers.MAX_FAILED_LOGINS; i++) {
            login(name, "wrong-Passw0rd", net + "1");
        }
        assertThat(users.findByUsername(name).orElseThrow().lockedUntil()).isNull();
        assertThat(users.findByUsername(name).orElseThrow().failedLogins()).isLessThan(StaffUsers.MAX_FAILED_LOGINS);
        // the throttled source is refused even with the right password; the user at their own desk is not
        assertThat(login(name, TestBank.PASSWORD, net + "1")).isEqualTo("/login?error");
        assertThat(login(name, TestBank.PASSWORD, net + "2")).isEqualTo("/");
    }

    @Test
    void severalSourcesLockTheAccountAndTheConsoleUnlocksItBesideTheServer() throws Exception {
        String name = bank.user(branch, DataScope.ORG, Role.CM);
        for (int s = 1; s <= 3 && users.findByUsername(name).orElseThrow().lockedUntil() == null; s++) {
            for (int i = 0; i < 5; i++) {
                login(name, "wrong-Passw0rd", net + s);
            }
        }
        assertThat(users.findByUsername(name).orElseThrow().lockedUntil()).isNotNull();
        assertThat(login(name, TestBank.PASSWORD, net + "9")).isEqualTo("/login?error");

        // what `ruralbank users unlock` does, while this server keeps running on the same database
        users.unlock(users.findByUsername(name).orElseThrow().userId(), Grantor.console());
        assertThat(login(name, TestBank.PASSWORD, net + "9")).isEqualTo("/");
    }

    @Test
    void lockedUnknownAndWrongPasswordLookAlike() throws Exception {
        String locked = bank.user(branch, DataScope.ORG, Role.CM);
        for (int i = 0; i < StaffUsers.MAX_FAILED_LOGINS; i++) {
            users.loginFailed(locked);
        }
        String disabled = bank.user(branch, DataScope.ORG, Role.CM);
        db.sql("update staff_user set enabled = false where username = :u")
                .param("u", disabled)
                .update();
        String plain = bank.user(branch, DataScope.ORG, Role.CM);
        String unknown = "nobody-" + bank.uniqueId("x").toLowerCase();

        String[] targets = {
            login(locked, TestBank.PASSWORD, net + "20"),
            login(disabled, TestBank.PASSWORD, net + "21"),
            login(unknown, "wrong-Passw0rd", net + "22"),
            login(plain, "wrong-Passw0rd", net + "23")
        };
        assertThat(targets).containsOnly("/login?error");
        String page = mvc.perform(get("/login?error")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("登录失败：用户名或密码错误，或账户暂时不能登录");

        // every case checks a password hash: no fast answer gives a locked or unknown name away
        // (the fastest of a few tries: on a busy machine that is the closest to the work each answer needs)
        long wrong = fastestNanos(plain, "wrong-Passw0rd", 24);
        long lockedTime = fastestNanos(locked, TestBank.PASSWORD, 30);
        long unknownTime = fastestNanos(unknown, "wrong-Passw0rd", 36);
        assertThat(lockedTime).as("locked vs wrong password, ns").isGreaterThan(wrong / 3);
        assertThat(unknownTime).as("unknown vs wrong password, ns").isGreaterThan(wrong / 3);
    }

    private long fastestNanos(String user, String password, int firstHost) throws Exception {
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            long start = System.nanoTime();
            login(user, password, net + (firstHost + i));
            fastest = Math.min(fastest, System.nanoTime() - start);
        }
        return fastest;
    }

    /** Signs in from the given address; returns where the login sent the browser. */
    private String login(String username, String password, String source) throws Exception {
        MvcResult r = mvc.perform(post("/login")
                        .param("username", username)
                        .param("password", password)
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(source);
                            return request;
                        }))
                .andReturn();
        return r.getResponse().getRedirectedUrl();
    }

    private void expireLock(String name) {
        db.sql("update staff_user set locked_until = :past where username = :u")
                .param("past", OffsetDateTime.now().minusMinutes(1))
                .param("u", name)
                .update();
    }
}
