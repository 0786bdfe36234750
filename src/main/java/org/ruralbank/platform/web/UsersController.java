package org.ruralbank.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.GrantRules;
import org.ruralbank.platform.Grantor;
import org.ruralbank.platform.NewStaffUser;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.Refused;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffUser;
import org.ruralbank.platform.StaffUsers;
import org.ruralbank.platform.UserChange;
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
    private final Exports exports;

    UsersController(StaffUsers users, Orgs orgs, Texts texts, Exports exports) {
        this.exports = exports;
        this.users = users;
        this.orgs = orgs;
        this.texts = texts;
    }

    @GetMapping
    @PreAuthorize(READERS)
    String list(
            @RequestParam(required = false) String kw,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model) {
        int[] p = org.ruralbank.platform.PageOf.clamp(page, size);
        model.addAttribute("kw", kw);
        model.addAttribute("result", users.search(scope(), kw, p[0], p[1]));
        model.addAttribute("proposals", users.pendingProposals(grantor()));
        return "platform/users";
    }

    @GetMapping("/export")
    @PreAuthorize(READERS)
    void export(@RequestParam(required = false) String kw, HttpServletResponse response) throws IOException {
        List<StaffUser> rows = users.all(scope(), kw);
        exports.send(
                response,
                "users",
                exports.title("menu.system.users", List.of(), exports.asOfToday(), "export.unit.none"),
                List.of(exports.table(
                        "menu.system.users",
                        List.of(
                                "user.username",
                                "user.displayName",
                                "user.org",
                                "user.roles",
                                "user.dataScope",
                                "user.state",
                                "user.createdAt"),
                        sink -> rows.forEach(u -> sink.accept(List.of(
                                u.username(),
                                u.displayName(),
                                u.orgId() + " " + u.orgName(),
                                roles(u.roles()),
                                texts.get("scope." + u.dataScope()),
                                texts.get("user.state." + state(u)),
                                u.createdAt()))))));
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
    String create(
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String orgId,
            @RequestParam(required = false) String staffId,
            @RequestParam(required = false) Set<Role> roles,
            @RequestParam(required = false) DataScope dataScope,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            done(
                    users.create(
                            new NewStaffUser(username, displayName, orgId, staffId, roleSet(roles), dataScope),
                            grantor()),
                    redirect);
            return "redirect:/users";
        } catch (Rejected r) {
            refused(r, model, response);
            model.addAttribute("form", new NewStaffUser(username, displayName, orgId, staffId, roles, dataScope));
            formOptions(model);
            return "platform/user-new";
        }
    }

    @PostMapping("/{id}")
    @PreAuthorize(MANAGERS)
    String update(
            @PathVariable long id,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String orgId,
            @RequestParam(required = false) Set<Role> roles,
            @RequestParam(required = false) DataScope dataScope,
            @RequestParam(defaultValue = "false") boolean enabled,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            done(users.update(id, displayName, orgId, roleSet(roles), dataScope, enabled, grantor()), redirect);
            return "redirect:/users/" + id;
        } catch (Rejected r) {
            return refusedOnDetail(id, r, model, response);
        }
    }

    @PostMapping("/{id}/reset-password")
    @PreAuthorize(MANAGERS)
    String resetPassword(
            @PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            done(users.resetPassword(id, grantor()), redirect);
            return "redirect:/users/" + id;
        } catch (Rejected r) {
            return refusedOnDetail(id, r, model, response);
        }
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize(MANAGERS)
    String unlock(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            users.unlock(id, grantor());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/users/" + id;
        } catch (Rejected r) {
            return refusedOnDetail(id, r, model, response);
        }
    }

    /** The checker's half of a grant that needs two people; the one-time password of a new user is shown here. */
    @PostMapping("/proposals/{id}/approve")
    @PreAuthorize(MANAGERS)
    String approve(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            done(users.approve(id, CurrentStaff.get()), redirect);
            return "redirect:/users";
        } catch (Rejected r) {
            refused(r, model, response);
            return list(null, null, null, model);
        }
    }

    @PostMapping("/proposals/{id}/reject")
    @PreAuthorize(MANAGERS)
    String reject(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            users.reject(id, reason, CurrentStaff.get());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/users";
        } catch (Rejected r) {
            refused(r, model, response);
            return list(null, null, null, model);
        }
    }

    private static void done(UserChange change, RedirectAttributes redirect) {
        if (change instanceof UserChange.Created c) {
            redirect.addFlashAttribute("oneTimePassword", c.oneTimePassword());
            redirect.addFlashAttribute("oneTimeUser", c.username());
        } else if (change instanceof UserChange.PasswordReset r) {
            redirect.addFlashAttribute("oneTimePassword", r.oneTimePassword());
            redirect.addFlashAttribute("oneTimeUser", r.username());
        } else if (change instanceof UserChange.Proposed p) {
            redirect.addFlashAttribute("proposed", p.proposalId());
        } else {
            redirect.addFlashAttribute("saved", true);
        }
    }

    /** A refusal is shown on the form: 403 when it reaches beyond what the actor holds, 400 for a bad value. */
    private static void refused(Rejected r, Model model, HttpServletResponse response) {
        if (r instanceof NotFound nf) {
            throw nf;
        }
        response.setStatus(
                r instanceof Refused ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", r);
    }

    private String refusedOnDetail(long id, Rejected r, Model model, HttpServletResponse response) {
        refused(r, model, response);
        return detail(id, model);
    }

    private static Set<Role> roleSet(Set<Role> roles) {
        return roles == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** The form offers what the actor may give; anything else posted is refused by the rules all the same. */
    private void formOptions(Model model) {
        Grantor grantor = grantor();
        model.addAttribute("orgs", orgs.choices(scope()));
        model.addAttribute(
                "allRoles",
                Arrays.stream(Role.values())
                        .filter(r -> GrantRules.mayGrant(grantor, r))
                        .toList());
        model.addAttribute(
                "allScopes",
                Arrays.stream(DataScope.values())
                        .filter(d -> d != DataScope.ALL || grantor.wholeBank())
                        .toList());
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

    private static Grantor grantor() {
        return Grantor.of(CurrentStaff.get());
    }
}
