package org.ruralbank.crm.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.crm.Customers;
import org.ruralbank.crm.HandOvers;
import org.ruralbank.crm.Portfolios;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.StaffPrincipal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The managers' portfolios (管户) and the hand-over of a leaving manager's portfolio (交接) with maker-checker: a
 * customer manager or branch head proposes, another branch head approves or rejects. Read within the scope; a
 * customer manager of own-customers scope sees their own portfolio.
 */
@Controller
@PreAuthorize(CrmPages.READERS)
class PortfolioPages {

    static final String PROPOSERS = "hasAnyRole('CM','BRANCH_HEAD')";
    static final String CHECKERS = "hasRole('BRANCH_HEAD')";

    private final Portfolios portfolios;
    private final HandOvers handOvers;
    private final Customers customers;

    PortfolioPages(Portfolios portfolios, HandOvers handOvers, Customers customers) {
        this.portfolios = portfolios;
        this.handOvers = handOvers;
        this.customers = customers;
    }

    @GetMapping("/crm/portfolios")
    String portfolios(
            @RequestParam(required = false) String staff,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        StaffPrincipal me = CurrentStaff.get();
        LocalDate d = date != null ? date : customers.lastDate();
        model.addAttribute("date", d);
        model.addAttribute("managers", portfolios.managers(d, me.scope()));
        String s = staff == null ? "" : staff.strip();
        model.addAttribute("staffId", s);
        model.addAttribute("held", s.isEmpty() ? List.of() : portfolios.of(s, d, me.scope()));
        return "crm/portfolios";
    }

    @GetMapping("/crm/handovers")
    String handOvers(Model model) {
        model.addAttribute("handOvers", handOvers.list(CurrentStaff.get().scope()));
        model.addAttribute("rows", HandOvers.MAX_RECEIVERS);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "crm/handovers";
    }

    @PostMapping("/crm/handovers")
    @PreAuthorize(PROPOSERS)
    String propose(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        List<Map.Entry<String, String>> to = new ArrayList<>();
        for (int i = 1; i <= HandOvers.MAX_RECEIVERS; i++) {
            String who = form.getOrDefault("toStaff" + i, "").strip();
            String share = form.getOrDefault("toShare" + i, "").strip();
            if (!who.isEmpty() || !share.isEmpty()) {
                to.add(Map.entry(who, share));
            }
        }
        try {
            HandOvers.Proposed p = handOvers.propose(
                    form.get("fromStaff"), to, form.get("effective"), form.get("note"), CurrentStaff.get());
            redirect.addFlashAttribute("proposed", p.handOverId());
            return "redirect:/crm/handovers/" + p.handOverId();
        } catch (Rejected r) {
            model.addAttribute("error", r);
            model.addAttribute("form", form);
            return handOvers(model);
        }
    }

    @GetMapping("/crm/handovers/{id}")
    String handOver(@PathVariable String id, Model model) {
        long n = id(id);
        StaffPrincipal me = CurrentStaff.get();
        model.addAttribute("h", handOvers.find(n, me.scope()));
        model.addAttribute("customers", handOvers.customersOf(n, me.scope()));
        return "crm/handover";
    }

    @PostMapping("/crm/handovers/{id}/approve")
    @PreAuthorize(CHECKERS)
    String approve(@PathVariable String id, Model model, RedirectAttributes redirect) {
        return decide(id, true, model, redirect);
    }

    @PostMapping("/crm/handovers/{id}/reject")
    @PreAuthorize(CHECKERS)
    String reject(@PathVariable String id, Model model, RedirectAttributes redirect) {
        return decide(id, false, model, redirect);
    }

    private String decide(String id, boolean approve, Model model, RedirectAttributes redirect) {
        long n = id(id);
        try {
            HandOvers.Proposed p =
                    approve ? handOvers.approve(n, CurrentStaff.get()) : handOvers.reject(n, CurrentStaff.get());
            redirect.addFlashAttribute("decided", p.status().name());
            return "redirect:/crm/handovers/" + n;
        } catch (Rejected r) {
            if (r instanceof NotFound) {
                throw r;
            }
            model.addAttribute("error", r);
            return handOver(id, model);
        }
    }

    private static long id(@Nullable String id) {
        try {
            return Long.parseLong(id == null ? "" : id);
        } catch (NumberFormatException e) {
            throw new NotFound("handOver", String.valueOf(id));
        }
    }
}
