package org.ruralbank.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.Department;
import org.ruralbank.platform.Departments;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.WholeBankPages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The org tree within the user's scope; administrators add orgs until CORE_ORG keeps the tree, and keep the head
 * office's departments with their heads and members (which CORE_ORG and CORE_STAFF do not carry).
 */
@Controller
@RequestMapping("/orgs")
class OrgsController {

    private final Orgs orgs;
    private final Departments departments;
    private final Texts texts;
    private final Exports exports;
    private final Clock clock;

    OrgsController(Orgs orgs, Departments departments, Texts texts, Exports exports, Clock clock) {
        this.clock = clock;
        this.orgs = orgs;
        this.departments = departments;
        this.texts = texts;
        this.exports = exports;
    }

    @GetMapping
    String tree(Model model) {
        model.addAttribute("orgs", orgs.list(CurrentStaff.get().scope()));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        model.addAttribute(
                "departments",
                departments.list(CurrentStaff.get().scope()).stream()
                        .map(d -> new DepartmentRow(
                                d, departments.members(d.deptId(), today), departments.history(d.deptId())))
                        .toList());
        model.addAttribute("keepsDepartments", WholeBankPages.reachableBy(CurrentStaff.get()));
        return "platform/orgs";
    }

    /** A department with its members today and every membership it had or will have, as the org page lists it. */
    record DepartmentRow(Department department, List<String> members, List<Departments.Membership> history) {}

    @PostMapping("/departments")
    @PreAuthorize("hasRole('ADMIN')")
    String createDepartment(
            @RequestParam(required = false) String deptId,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String orgId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return changed(
                () -> departments.create(
                        deptId == null ? null : deptId.strip(),
                        name,
                        orgId,
                        CurrentStaff.get().scope()),
                model,
                response,
                redirect);
    }

    /**
     * From a date ({@code from}, yyyy-MM-dd), moves a member of staff to a department or ({@code deptId} blank) out
     * of theirs; {@code head}: appoints them its head.
     */
    @PostMapping("/departments/members")
    @PreAuthorize("hasRole('ADMIN')")
    String assign(
            @RequestParam(required = false) String deptId,
            @RequestParam(required = false) String staffId,
            @RequestParam(required = false) String from,
            @RequestParam(defaultValue = "false") boolean head,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return changed(
                () -> {
                    LocalDate day = date(from);
                    if (deptId == null || deptId.isBlank()) {
                        departments.leave(staffId, day, CurrentStaff.get().scope());
                    } else if (head) {
                        departments.appointHead(
                                deptId.strip(), staffId, day, CurrentStaff.get().scope());
                    } else {
                        departments.join(
                                staffId, deptId.strip(), day, CurrentStaff.get().scope());
                    }
                },
                model,
                response,
                redirect);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new Rejected("from", "department.rejected.badDate", String.valueOf(text));
        }
    }

    private String changed(Runnable change, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", true);
            return "redirect:/orgs";
        } catch (Rejected r) {
            response.setStatus(
                    r instanceof org.ruralbank.platform.Refused
                            ? HttpServletResponse.SC_FORBIDDEN
                            : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", r);
            return tree(model);
        }
    }

    @GetMapping("/export")
    void export(HttpServletResponse response) throws IOException {
        List<Org> rows = orgs.list(CurrentStaff.get().scope());
        exports.send(
                response,
                "orgs",
                exports.title("menu.system.orgs", List.of(), exports.asOfToday(), "export.unit.none"),
                List.of(exports.table(
                        "menu.system.orgs",
                        List.of(
                                "org.id",
                                "org.name",
                                "org.level",
                                "org.parent",
                                "org.town",
                                "org.status",
                                "org.source"),
                        sink -> rows.forEach(o -> sink.accept(java.util.Arrays.asList(
                                o.orgId(),
                                o.name(),
                                texts.get("org.level." + o.level()),
                                o.parentOrgId(),
                                o.townName(),
                                texts.get(o.open() ? "org.status.open" : "org.status.closed"),
                                texts.get("org.source." + o.source())))))));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String create(
            @RequestParam(required = false) String orgId,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String parentOrgId,
            @RequestParam(required = false) String townName,
            Model model,
            RedirectAttributes redirect) {
        try {
            if (parentOrgId != null
                    && !parentOrgId.isBlank()
                    && orgs.find(parentOrgId, CurrentStaff.get().scope()).isEmpty()) {
                throw new Rejected("parentOrgId", "org.rejected.noParent", parentOrgId);
            }
            orgs.create(orgId == null ? null : orgId.trim(), name == null ? null : name.trim(), parentOrgId, townName);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/orgs";
        } catch (Rejected r) {
            model.addAttribute("error", r);
            return tree(model);
        }
    }
}
