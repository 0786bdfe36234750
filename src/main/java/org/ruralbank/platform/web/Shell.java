package org.ruralbank.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.MenuEntry;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.platform.StaffUsers;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the signed-in user, the menu they may see, the breadcrumb and page links. */
@ControllerAdvice
class Shell {

    private final List<MenuEntry> menu;
    private final Orgs orgs;

    Shell(List<MenuEntry> menu, Orgs orgs) {
        this.orgs = orgs;
        this.menu =
                menu.stream().sorted(Comparator.comparingInt(MenuEntry::order)).toList();
    }

    @ModelAttribute("staff")
    @Nullable
    StaffPrincipal staff() {
        return CurrentStaff.find().orElse(null);
    }

    /**
     * Whether the user must change a one-time password before anything else: every page but the password page leads
     * back to it, so the layout shows neither the menu nor the breadcrumb, only the form and the way out.
     */
    @ModelAttribute("passwordGate")
    boolean passwordGate(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(StaffUsers.ONE_TIME_PASSWORD_ATTRIBUTE) != null;
    }

    /** The name of the signed-in user's org, for the header (its id when the org is unknown). */
    @ModelAttribute("staffOrgName")
    @Nullable
    String staffOrgName() {
        return CurrentStaff.find()
                .map(staff -> orgs.find(staff.orgId()).map(Org::name).orElse(staff.orgId()))
                .orElse(null);
    }

    /** Menu sections (message code to entries), in menu order, for the signed-in user; none behind the password gate. */
    @ModelAttribute("menu")
    Map<String, List<MenuEntry>> menu(HttpServletRequest request) {
        Map<String, List<MenuEntry>> sections = new LinkedHashMap<>();
        if (passwordGate(request)) {
            return sections;
        }
        CurrentStaff.find()
                .ifPresent(staff -> menu.stream()
                        .filter(e -> e.visibleTo(staff))
                        .forEach(e -> sections.computeIfAbsent(e.section(), k -> new java.util.ArrayList<>())
                                .add(e)));
        return sections;
    }

    /** The menu entry the current page belongs to (longest matching href), for the breadcrumb and highlighting. */
    @ModelAttribute("activeMenu")
    @Nullable
    MenuEntry activeMenu(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<MenuEntry> best = menu.stream()
                .filter(e -> path.equals(e.href()) || path.startsWith(e.href() + "/"))
                .max(Comparator.comparingInt(e -> e.href().length()));
        return best.orElse(null);
    }

    @ModelAttribute("links")
    PageLinks links(HttpServletRequest request) {
        return new PageLinks(request);
    }
}
