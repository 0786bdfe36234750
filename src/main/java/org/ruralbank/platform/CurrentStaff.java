package org.ruralbank.platform;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The staff user of the current request, as set by the security layer. */
public final class CurrentStaff {

    private CurrentStaff() {}

    public static Optional<StaffPrincipal> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal.Holder holder) {
            return Optional.of(holder.staff());
        }
        return Optional.empty();
    }

    /** The signed-in staff user; fails fast when called outside an authenticated request. */
    public static StaffPrincipal get() {
        return find().orElseThrow(() -> new IllegalStateException("no staff user is signed in"));
    }
}
