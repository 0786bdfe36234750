package org.ruralbank.platform;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who grants or changes a staff user's access. Every path that grants (the user pages, the {@code ruralbank users}
 * command) names one, and {@link StaffUsers} checks what is granted against what the grantor holds.
 */
public sealed interface Grantor {

    /** The name recorded as the actor of the audit entry or the maker of a proposal. */
    String name();

    /** The org path recorded with the audit entry; {@code null} for the console. */
    @Nullable
    String orgPath();

    /** How far the grantor reaches: nothing granted may reach further. */
    OrgScope reach();

    /** The roles the grantor holds. */
    Set<Role> roles();

    /** Whether the grantor reaches the whole bank. */
    default boolean wholeBank() {
        return reach().kind() == DataScope.ALL;
    }

    static Grantor of(StaffPrincipal staff) {
        return new Staff(staff);
    }

    /** The operator at the server's console, named after the operating-system account that runs the command. */
    static Grantor console() {
        return new Console(System.getProperty("user.name", "unknown"));
    }

    /** A signed-in staff user: reaches what their data scope covers and holds their own roles. */
    record Staff(StaffPrincipal staff) implements Grantor {
        @Override
        public String name() {
            return staff.username();
        }

        @Override
        public String orgPath() {
            return staff.orgPath();
        }

        @Override
        public OrgScope reach() {
            return staff.scope();
        }

        @Override
        public Set<Role> roles() {
            return staff.roles();
        }
    }

    /**
     * The operator's console on the server ({@code ruralbank users ...}), run by whoever has shell access to the
     * home and so to the store itself: it reaches the whole bank and may grant every role, but what needs a second
     * person becomes a proposal like anyone else's, and it never approves one.
     */
    record Console(String operator) implements Grantor {
        @Override
        public String name() {
            return "console:" + operator;
        }

        @Override
        public @Nullable String orgPath() {
            return null;
        }

        @Override
        public OrgScope reach() {
            return OrgScope.everything();
        }

        @Override
        public Set<Role> roles() {
            return EnumSet.allOf(Role.class);
        }
    }
}
