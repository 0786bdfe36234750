package org.ruralbank.platform.web;

import jakarta.servlet.http.HttpServletRequest;
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

    /** The name of the signed-in user's org, for the header (its id when the org is unknown). */
    @ModelAttribute("staffOrgName")
    @Nullable
    String staffOrgName() {
        return CurrentStaff.find()
                .map(staff -> orgs.find(staff.orgId()).map(Org::name).orElse(staff.orgId()))
                .orElse(null);
    }

    /** Menu sections (message code to entries), in menu order, for the signed-in user. */
    @ModelAttribute("menu")
    Map<String, List<MenuEntry>> menu() {
        Map<String, List<MenuEntry>> sections = new LinkedHashMap<>();
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
