package org.ruralbank.points.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.platform.web.Exports;
import org.ruralbank.points.Campaigns;
import org.ruralbank.points.CustomerPoints;
import org.ruralbank.points.EarningRules;
import org.ruralbank.points.Households;
import org.ruralbank.points.Partners;
import org.ruralbank.points.Redemptions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The points pages: the overview (points owed within the user's scope, the ledger's totals for whole-bank staff,
 * the customers with the most points, the earning rules and their proposals), a customer's points, and the
 * partners with their monthly statements.
 */
@Controller
@RequestMapping("/points")
class PointsPages {

    private static final String KEEPERS = "hasAnyRole('ADMIN','EBANK')";
    private static final String COUNTER = "hasAnyRole('ADMIN','EBANK','CM','BRANCH_HEAD')";
    private static final int HOLDERS = 100;

    private final EarningRules rules;
    private final CustomerPoints customers;
    private final Partners partners;
    private final Redemptions redemptions;
    private final Campaigns campaigns;
    private final Households households;
    private final Exports exports;

    PointsPages(
            EarningRules rules,
            CustomerPoints customers,
            Partners partners,
            Redemptions redemptions,
            Campaigns campaigns,
            Households households,
            Exports exports) {
        this.exports = exports;
        this.rules = rules;
        this.campaigns = campaigns;
        this.households = households;
        this.customers = customers;
        this.partners = partners;
        this.redemptions = redemptions;
    }

    @GetMapping
    String overview(Model model) {
        StaffPrincipal staff = CurrentStaff.get();
        model.addAttribute("outstanding", customers.outstanding(staff.scope()));
        model.addAttribute("totals", staff.dataScope() == DataScope.ALL ? customers.totals() : null);
        model.addAttribute("holders", customers.holders(staff.scope(), HOLDERS));
        model.addAttribute("rules", rules.all());
        model.addAttribute("kinds", org.ruralbank.points.RuleKind.values());
        model.addAttribute("capPeriods", org.ruralbank.points.Rule.CapPeriod.values());
        model.addAttribute("campaigns", campaigns.all());
        return "points/overview";
    }

    @GetMapping("/export")
    void export(HttpServletResponse response) throws IOException {
        StaffPrincipal staff = CurrentStaff.get();
        exports.send(
                response,
                "points-customers",
                exports.title("points.holders", List.of(), exports.asOfToday(), "points.export.unitPoints"),
                List.of(exports.table(
                        "points.holders",
                        List.of("points.customer", "points.org", "points.balance", "points.available"),
                        sink -> customers
                                .holders(staff.scope(), 100_000)
                                .forEach(h ->
                                        sink.accept(List.of(h.custId(), h.orgPath(), h.balance(), h.available()))))));
    }

    @PostMapping("/rules")
    @PreAuthorize(KEEPERS)
    String propose(@RequestParam Map<String, String> form, RedirectAttributes redirect, Model model) {
        EarningRules.Outcome o = rules.propose(form, CurrentStaff.get());
        if (o instanceof EarningRules.Outcome.Refused r) {
            model.addAttribute("problems", r.problems());
            model.addAttribute("form", form);
            return overview(model);
        }
        redirect.addFlashAttribute("proposed", ((EarningRules.Outcome.Proposed) o).ruleId());
        return "redirect:/points";
    }

    @PostMapping("/rules/{id}/approve")
    @PreAuthorize(KEEPERS)
    String approve(@PathVariable long id, RedirectAttributes redirect, Model model) {
        return decide(id, true, redirect, model);
    }

    @PostMapping("/rules/{id}/reject")
    @PreAuthorize(KEEPERS)
    String reject(@PathVariable long id, RedirectAttributes redirect, Model model) {
        return decide(id, false, redirect, model);
    }

    private String decide(long id, boolean approve, RedirectAttributes redirect, Model model) {
        if (rules.find(id).isEmpty()) {
            throw new NotFound("points rule", String.valueOf(id));
        }
        EarningRules.Outcome o = rules.decide(id, approve, CurrentStaff.get());
        if (o instanceof EarningRules.Outcome.Refused r) {
            model.addAttribute("problems", r.problems());
            return overview(model);
        }
        redirect.addFlashAttribute(approve ? "approved" : "rejected", id);
        return "redirect:/points";
    }

    @PostMapping("/campaigns")
    @PreAuthorize(KEEPERS)
    String proposeCampaign(@RequestParam Map<String, String> form, RedirectAttributes redirect, Model model) {
        Campaigns.Outcome o = campaigns.propose(form, CurrentStaff.get());
        if (o instanceof Campaigns.Outcome.Refused r) {
            model.addAttribute("problems", r.problems());
            model.addAttribute("campaignForm", form);
            return overview(model);
        }
        redirect.addFlashAttribute("campaignProposed", ((Campaigns.Outcome.Done) o).campaignId());
        return "redirect:/points";
    }

    @PostMapping("/campaigns/{id}/decide")
    @PreAuthorize(KEEPERS)
    String decideCampaign(
            @PathVariable long id,
            @RequestParam(name = "approve", required = false) @Nullable Boolean approveParam,
            RedirectAttributes redirect,
            Model model) {
        boolean approve = Decide.approve(approveParam);
        Campaigns.Outcome o = campaigns.decide(id, approve, CurrentStaff.get());
        if (o instanceof Campaigns.Outcome.Refused r) {
            if (r.problems().get(0).message().equals("points.problem.notFound")) {
                throw new NotFound("points campaign", String.valueOf(id));
            }
            model.addAttribute("problems", r.problems());
            return overview(model);
        }
        redirect.addFlashAttribute(approve ? "campaignApproved" : "campaignRejected", id);
        return "redirect:/points";
    }

    @GetMapping("/customers/{custId}")
    String customer(@PathVariable String custId, Model model) {
        StaffPrincipal staff = CurrentStaff.get();
        CustomerPoints.View view = customers
                .view(custId, staff.scope(), redemptions.today())
                .orElseThrow(() -> new NotFound("points customer", custId));
        model.addAttribute("view", view);
        model.addAttribute("household", households.members(custId));
        return "points/customer";
    }

    @PostMapping("/customers/{custId}/household")
    @PreAuthorize(COUNTER)
    String joinHousehold(
            @PathVariable String custId,
            @RequestParam(defaultValue = "") String withCustId,
            RedirectAttributes redirect,
            Model model) {
        List<EarningRules.Problem> problems = households.join(custId, withCustId.strip(), CurrentStaff.get());
        if (!problems.isEmpty()
                && problems.get(0).field().equals("custId")
                && problems.get(0).message().equals("points.problem.customer")) {
            throw new NotFound("points customer", custId);
        }
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            return customer(custId, model);
        }
        redirect.addFlashAttribute("joined", withCustId);
        return "redirect:/points/customers/" + custId;
    }

    @PostMapping("/customers/{custId}/household/leave")
    @PreAuthorize(COUNTER)
    String leaveHousehold(@PathVariable String custId, RedirectAttributes redirect) {
        StaffPrincipal staff = CurrentStaff.get();
        customers
                .view(custId, staff.scope(), redemptions.today())
                .orElseThrow(() -> new NotFound("points customer", custId));
        if (!households.leave(custId, staff)) {
            throw new NotFound("points household", custId);
        }
        redirect.addFlashAttribute("left", custId);
        return "redirect:/points/customers/" + custId;
    }

    @PostMapping("/customers/{custId}/codes")
    @PreAuthorize(COUNTER)
    String issueCode(
            @PathVariable String custId, @RequestParam(defaultValue = "-1") int card, RedirectAttributes redirect) {
        String code = customers
                .issueCode(custId, card, CurrentStaff.get().scope())
                .orElseThrow(() -> new NotFound("points card", custId));
        redirect.addFlashAttribute("code", code);
        return "redirect:/points/customers/" + custId;
    }

    @GetMapping("/partners")
    String partners(@RequestParam(required = false) String month, Model model) {
        StaffPrincipal staff = CurrentStaff.get();
        YearMonth m = month(month);
        model.addAttribute("month", m);
        model.addAttribute("partners", partners.within(staff.scope()));
        model.addAttribute("statements", partners.statements(m, staff.scope()));
        model.addAttribute("today", redemptions.today());
        return "points/partners";
    }

    @PostMapping("/partners")
    @PreAuthorize(KEEPERS)
    String join(@RequestParam Map<String, String> form, RedirectAttributes redirect, Model model) {
        List<EarningRules.Problem> problems = partners.join(form, CurrentStaff.get());
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            model.addAttribute("form", form);
            return partners(null, model);
        }
        redirect.addFlashAttribute("joined", form.get("partnerId"));
        return "redirect:/points/partners";
    }

    @PostMapping("/partners/{id}/leave")
    @PreAuthorize(KEEPERS)
    String leave(@PathVariable String id, RedirectAttributes redirect) {
        if (!partners.leave(id, redemptions.today(), CurrentStaff.get())) {
            throw new NotFound("points partner", id);
        }
        redirect.addFlashAttribute("left", id);
        return "redirect:/points/partners";
    }

    private YearMonth month(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? YearMonth.from(redemptions.today()) : YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            return YearMonth.from(redemptions.today());
        }
    }
}
