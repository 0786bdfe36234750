package org.ruralbank.platform.internal;

import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffPrincipal;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The security layer's view of a staff user: the principal plus what authentication needs. The password hash is
 * erased once authentication is done, so it never sits in a session.
 */
final class StaffAccount implements UserDetails, CredentialsContainer, StaffPrincipal.Holder {

    private final StaffPrincipal staff;
    private final boolean enabled;
    private final boolean locked;
    private final boolean mustChangePassword;
    private @Nullable String passwordHash;

    StaffAccount(
            StaffPrincipal staff, String passwordHash, boolean enabled, boolean locked, boolean mustChangePassword) {
        this.staff = staff;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
        this.mustChangePassword = mustChangePassword;
    }

    @Override
    public StaffPrincipal staff() {
        return staff;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return staff.roles().stream()
                .map(Role::authority)
                .map(SimpleGrantedAuthority::new)
                .toList();
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return staff.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
