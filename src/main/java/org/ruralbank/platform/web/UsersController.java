package org.ruralbank.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.NewStaffUser;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.Spreadsheets;
import org.ruralbank.platform.StaffUser;
import org.ruralbank.platform.StaffUsers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Users and roles: administrators manage, branch heads and auditors read, each within their org scope. */
@Controller
@RequestMapping("/users")
class UsersController {

    private static final String READERS = "hasAnyRole('ADMIN','AUDITOR','BRANCH_HEAD')";
    private static final String MANAGERS = "hasRole('ADMIN')";

    private final StaffUsers users;
    private final Orgs orgs;
    private final Texts texts;

    UsersController(StaffUsers users, Orgs orgs, Texts texts) {
        this.users = users;
        this.orgs = orgs;
        this.texts = texts;
    }

    @GetMapping
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) String kw, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Model model) {
        int[] p = org.ruralbank.platform.PageOf.clamp(page, size);
        model.addAttribute("kw", kw);
        model.addAttribute("result", users.search(scope(), kw, p[0], p[1]));
        return "platform/users";
    }

    @GetMapping("/export")
    @PreAuthorize(READERS)
    void export(@RequestParam(required = false) String kw, HttpServletResponse response) throws IOException {
        List<StaffUser> rows = users.all(scope(), kw);
        Download.xlsx(response, "users");
        Spreadsheets.write(response.getOutputStream(), texts.get("menu.system.users"),
                List.of(texts.get("user.username"), texts.get("user.displayName"), texts.get("user.org"), texts.get("user.roles"),
                        texts.get("user.dataScope"), texts.get("user.state"), texts.get("user.createdAt")),
                sink -> rows.forEach(u -> sink.accept(List.of(u.username(), u.displayName(),
                        u.orgId() + " " + u.orgName(), roles(u.roles()), texts.get("scope." + u.dataScope()),
                        texts.get("user.state." + state(u)), u.createdAt()))));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("user", users.find(id, scope()).orElseThrow(() -> new NotFound("user", "" + id)));
        formOptions(model);
        return "platform/user";
    }

    @GetMapping("/new")
    @PreAuthorize(MANAGERS)
    String newForm(Model model) {
        formOptions(model);
        return "platform/user-new";
    }

    @PostMapping
    @PreAuthorize(MANAGERS)
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String orgId, @RequestParam(required = false) String staffId,
            @RequestParam(required = false) Set<Role> roles, @RequestParam(required = false) DataScope dataScope,
            Model model, RedirectAttributes redirect) {
        try {
            String password = users.create(new NewStaffUser(username, displayName, orgId, staffId,
                    roles == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles), dataScope), scope());
            redirect.addFlashAttribute("oneTimePassword", password);
            redirect.addFlashAttribute("oneTimeUser", username);
            return "redirect:/users";
        } catch (Rejected r) {
            model.addAttribute("error", r);
            model.addAttribute("form", new NewStaffUser(username, displayName, orgId, staffId, roles, dataScope));
            formOptions(model);
            return "platform/user-new";
        }
    }

    @PostMapping("/{id}")
    @PreAuthorize(MANAGERS)
    String update(@PathVariable long id, @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String orgId, @RequestParam(required = false) Set<Role> roles,
            @RequestParam(required = false) DataScope dataScope, @RequestParam(defaultValue = "false") boolean enabled,
            Model model, RedirectAttributes redirect) {
        try {
            users.update(id, displayName, orgId, roles == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles),
                    dataScope, enabled, scope());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/users/" + id;
        } catch (NotFound nf) {
            throw nf;
        } catch (Rejected r) {
            model.addAttribute("error", r);
            return detail(id, model);
        }
    }

    @PostMapping("/{id}/reset-password")
    @PreAuthorize(MANAGERS)
    String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
        String password = users.resetPassword(id, scope());
        redirect.addFlashAttribute("oneTimePassword", password);
        return "redirect:/users/" + id;
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize(MANAGERS)
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        users.unlock(id, scope());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/users/" + id;
    }

    private void formOptions(Model model) {
        model.addAttribute("orgs", orgs.list(scope()));
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("allScopes", DataScope.values());
    }

    static String state(StaffUser u) {
        if (!u.enabled()) {
            return "disabled";
        }
        if (u.lockedUntil() != null) {
            return "locked";
        }
        return u.mustChangePassword() ? "oneTime" : "active";
    }

    private String roles(Set<Role> roles) {
        return String.join("、", roles.stream().map(r -> texts.get("role." + r)).toList());
    }


    private static OrgScope scope() {
        return CurrentStaff.get().scope();
    }
}
