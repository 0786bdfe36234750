package org.ruralbank.points.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.platform.web.Exports;
import org.ruralbank.points.CareGrants;
import org.ruralbank.points.PointsFinance;
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
 * Care budgets and grants (关怀积分), and the monthly finance report (积分财务月报) with its export. Budgets are kept by
 * the whole bank's ADMIN/EBANK staff; grants are proposed by the staff who serve customers and approved by a second
 * person (ADMIN, EBANK or a branch head), within scope.
 */
@Controller
@RequestMapping("/points")
class PointsCarePages {

    private static final String KEEPERS = "hasAnyRole('ADMIN','EBANK')";
    private static final String GRANT_MAKERS = "hasAnyRole('ADMIN','EBANK','CM','BRANCH_HEAD')";
    private static final String GRANT_CHECKERS = "hasAnyRole('ADMIN','EBANK','BRANCH_HEAD')";

    private final CareGrants care;
    private final PointsFinance finance;
    private final Redemptions redemptions;
    private final Exports exports;

    PointsCarePages(CareGrants care, PointsFinance finance, Redemptions redemptions, Exports exports) {
        this.exports = exports;
        this.care = care;
        this.finance = finance;
        this.redemptions = redemptions;
    }

    @GetMapping("/care")
    String care(Model model) {
        StaffPrincipal staff = CurrentStaff.get();
        model.addAttribute("budgets", care.budgets());
        model.addAttribute("grants", care.grants(staff.scope()));
        return "points/care";
    }

    @PostMapping("/budgets")
    @PreAuthorize(KEEPERS)
    String proposeBudget(@RequestParam Map<String, String> form, RedirectAttributes redirect, Model model) {
        return after(care.proposeBudget(form, CurrentStaff.get()), "budgetProposed", form, redirect, model);
    }

    @PostMapping("/budgets/{id}/decide")
    @PreAuthorize(KEEPERS)
    String decideBudget(
            @PathVariable String id,
            @RequestParam(name = "approve", required = false) @Nullable Boolean approveParam,
            RedirectAttributes redirect,
            Model model) {
        boolean approve = Decide.approve(approveParam);
        if (care.budget(id).isEmpty()) {
            throw new NotFound("points budget", id);
        }
        return after(
                care.decideBudget(id, approve, CurrentStaff.get(), redemptions.today()),
                approve ? "budgetApproved" : "budgetRejected",
                null,
                redirect,
                model);
    }

    @PostMapping("/grants")
    @PreAuthorize(GRANT_MAKERS)
    String proposeGrant(@RequestParam Map<String, String> form, RedirectAttributes redirect, Model model) {
        return after(care.proposeGrant(form, CurrentStaff.get()), "grantProposed", form, redirect, model);
    }

    @PostMapping("/grants/{id}/decide")
    @PreAuthorize(GRANT_CHECKERS)
    String decideGrant(
            @PathVariable long id,
            @RequestParam(name = "approve", required = false) @Nullable Boolean approveParam,
            RedirectAttributes redirect,
            Model model) {
        boolean approve = Decide.approve(approveParam);
        StaffPrincipal staff = CurrentStaff.get();
        if (care.grant(id, staff.scope()).isEmpty()) {
            throw new NotFound("points grant", String.valueOf(id));
        }
        return after(
                care.decideGrant(id, approve, staff, redemptions.today()),
                approve ? "grantApproved" : "grantRejected",
                null,
                redirect,
                model);
    }

    private String after(
            CareGrants.Decision d,
            String flash,
            @Nullable Map<String, String> form,
            RedirectAttributes redirect,
            Model model) {
        if (d instanceof CareGrants.Decision.Refused r) {
            model.addAttribute("problems", r.problems());
            model.addAttribute("form", form);
            return care(model);
        }
        redirect.addFlashAttribute(flash, ((CareGrants.Decision.Done) d).id());
        return "redirect:/points/care";
    }

    @GetMapping("/finance")
    String finance(@RequestParam(required = false) String month, Model model) {
        model.addAttribute(
                "report", finance.month(month(month), CurrentStaff.get().scope()));
        return "points/finance";
    }

    @GetMapping("/finance/export")
    void exportFinance(@RequestParam(required = false) String month, HttpServletResponse response) throws IOException {
        PointsFinance.Report r = finance.month(month(month), CurrentStaff.get().scope());
        String period =
                r.month().getYear() + "-" + String.format("%02d", r.month().getMonthValue());
        exports.send(
                response,
                "points-finance-" + r.month(),
                exports.title("points.finance.title", List.of(), period, "points.export.unit"),
                List.of(
                        exports.table(
                                "points.finance.title",
                                List.of("points.export.item", "points.points", "points.finance.liability"),
                                sink -> {
                                    for (var row : List.of(
                                            Map.entry("points.finance.opening", r.opening()),
                                            Map.entry("points.finance.earned", r.earned()),
                                            Map.entry("points.finance.granted", r.granted()),
                                            Map.entry("points.finance.refunded", r.refunded()),
                                            Map.entry("points.finance.pooledIn", r.pooledIn()),
                                            Map.entry("points.finance.redeemed", r.redeemed()),
                                            Map.entry("points.finance.expired", r.expired()),
                                            Map.entry("points.finance.reversed", r.reversed()),
                                            Map.entry("points.finance.pooledOut", r.pooledOut()))) {
                                        sink.accept(List.of(exports.text(row.getKey()), row.getValue()));
                                    }
                                    sink.accept(List.of(
                                            exports.text("points.finance.closing"),
                                            r.closing(),
                                            r.liability().yuan()));
                                    sink.accept(List.of(
                                            exports.text("points.export.movementDifference"), r.movementDifference()));
                                    sink.accept(List.of(
                                            exports.text("points.export.ledgerDifference"), r.ledgerDifference()));
                                }),
                        exports.table(
                                "points.finance.settlement",
                                List.of(
                                        "points.field.partnerId",
                                        "points.field.name",
                                        "points.points",
                                        "points.settlement"),
                                sink -> {
                                    r.statements()
                                            .forEach(st -> sink.accept(Arrays.asList(
                                                    st.partner().partnerId(),
                                                    st.partner().partnerName(),
                                                    st.points(),
                                                    st.value().yuan())));
                                    sink.accept(Arrays.asList(
                                            exports.text("points.finance.settlementTotal"),
                                            null,
                                            null,
                                            r.settlement().yuan()));
                                })));
    }

    private YearMonth month(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? YearMonth.from(redemptions.today()) : YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            return YearMonth.from(redemptions.today());
        }
    }
}
