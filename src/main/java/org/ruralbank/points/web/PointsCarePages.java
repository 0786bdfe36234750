package org.ruralbank.points.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.Spreadsheets;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.platform.web.Download;
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

    PointsCarePages(CareGrants care, PointsFinance finance, Redemptions redemptions) {
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
        Download.xlsx(response, "points-finance-" + r.month());
        Spreadsheets.write(response.getOutputStream(), "积分财务月报", List.of("项目", "积分", "金额（元）"), sink -> {
            sink.accept(List.of("月份", r.month().toString()));
            sink.accept(List.of("期初余额", r.opening()));
            sink.accept(List.of("计积", r.earned()));
            sink.accept(List.of("关怀赠送", r.granted()));
            sink.accept(List.of("退回", r.refunded()));
            sink.accept(List.of("家庭共享转入", r.pooledIn()));
            sink.accept(List.of("兑换", r.redeemed()));
            sink.accept(List.of("到期", r.expired()));
            sink.accept(List.of("冲回", r.reversed()));
            sink.accept(List.of("家庭共享转出", r.pooledOut()));
            sink.accept(List.of("期末余额", r.closing()));
            sink.accept(List.of("负债", r.closing(), r.liability().yuan()));
            sink.accept(List.of("勾稽差额", r.movementDifference()));
            sink.accept(List.of("账簿差额", r.ledgerDifference()));
            r.statements()
                    .forEach(s -> sink.accept(List.of(
                            "结算 " + s.partner().partnerId(),
                            s.points(),
                            s.value().yuan())));
            sink.accept(List.of("结算合计", "", r.settlement().yuan()));
        });
    }

    private YearMonth month(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? YearMonth.from(redemptions.today()) : YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            return YearMonth.from(redemptions.today());
        }
    }
}
