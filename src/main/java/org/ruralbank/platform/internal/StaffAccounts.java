package org.ruralbank.platform.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.platform.StaffUser;
import org.ruralbank.platform.StaffUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads staff users for authentication. */
@Component
class StaffAccounts implements UserDetailsService {

    private final StaffUsers users;
    private final JdbcClient db;
    private final Clock clock;

    StaffAccounts(StaffUsers users, JdbcClient db, Clock clock) {
        this.users = users;
        this.db = db;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        StaffUser u = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        String hash = db.sql("select password_hash from staff_user where user_id = :id")
                .param("id", u.userId())
                .query(String.class)
                .single();
        StaffPrincipal principal = u.principal();
        return new StaffAccount(
                principal, hash, u.enabled(), u.lockedAt(OffsetDateTime.now(clock)), u.mustChangePassword());
    }
}
