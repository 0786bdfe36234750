package org.ruralbank.appraisal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.appraisal.Claim;
import org.ruralbank.appraisal.ClaimOutcome;
import org.ruralbank.appraisal.Claims;
import org.ruralbank.appraisal.CreditKind;
import org.ruralbank.appraisal.Credits;
import org.ruralbank.appraisal.Dispute;
import org.ruralbank.appraisal.FtpFigures;
import org.ruralbank.appraisal.HandOver;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.platform.web.Exports;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Claims and disputes: a customer manager claims and sees their own claims, a branch head approves, rejects and
 * settles disputes within the branch, the performance office sees all. An object's page shows its credit now and
 * the history of its claims.
 */
@Controller
class ClaimPages {

    private static final String CLAIMANTS = "hasAnyRole('CM','BRANCH_HEAD','PERF')";
    private static final String DECIDERS = "hasAnyRole('BRANCH_HEAD','PERF')";

    private final Claims claims;
    private final Credits credits;
    private final FtpFigures figures;

    private final Exports exports;

    ClaimPages(Claims claims, Credits credits, FtpFigures figures, Exports exports) {
        this.exports = exports;
        this.claims = claims;
        this.credits = credits;
        this.figures = figures;
    }

    @GetMapping("/appraisal/claims")
    String claims(@RequestParam(required = false) String status, Model model) {
        StaffPrincipal staff = CurrentStaff.get();
        String s = status == null || status.isBlank() ? null : status;
        model.addAttribute("status", s);
        model.addAttribute("statuses", List.of("PENDING", "DISPUTED", "APPROVED", "REJECTED", "ENDED"));
        model.addAttribute("kinds", CreditKind.values());
        model.addAttribute("claims", claims.list(staff.scope(), s));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("staffId", staff.staffId() == null ? "" : staff.staffId()));
        }
        return "appraisal/claims";
    }

    @GetMapping("/appraisal/claims/export")
    void export(@RequestParam(required = false) String status, HttpServletResponse response) throws IOException {
        StaffPrincipal staff = CurrentStaff.get();
        exports.send(
                response,
                "credit-claims",
                exports.title("menu.appraisal.claims", List.of(), exports.asOfToday(), "claims.export.unit"),
                List.of(exports.table(
                        "menu.appraisal.claims",
                        List.of(
                                "export.number",
                                "claims.kind",
                                "claims.object",
                                "claims.staffId",
                                "claims.share",
                                "claims.validFrom",
                                "claims.validTo",
                                "claims.status",
                                "claims.source",
                                "claims.reason",
                                "claims.maker",
                                "claims.checker"),
                        sink -> claims.list(staff.scope(), status == null || status.isBlank() ? null : status)
                                .forEach(c -> sink.accept(Arrays.asList(
                                        String.valueOf(c.claimId()),
                                        exports.text(
                                                "claims.kind." + c.objectKind().name()),
                                        c.objectId(),
                                        c.staffId(),
                                        c.share(),
                                        c.validFrom(),
                                        c.validTo(),
                                        exports.text("claims.status." + c.status()),
                                        exports.text("claims.source." + c.source()),
                                        c.reason(),
                                        c.maker(),
                                        c.checker()))))));
    }

    @GetMapping("/appraisal/claims/object")
    String object(@RequestParam String kind, @RequestParam String id, Model model) {
        StaffPrincipal staff = CurrentStaff.get();
        CreditKind k = kind(kind);
        LocalDate day = figures.lastDate().orElse(LocalDate.now());
        var shares = credits.sharesOf(k, id, day, staff.scope());
        List<Claim> history = claims.history(k, id, staff.scope());
        if (shares.isEmpty() && history.isEmpty()) {
            throw new NotFound(kind, id);
        }
        model.addAttribute("kind", k);
        model.addAttribute("objectId", id);
        model.addAttribute("day", day);
        model.addAttribute("shares", shares);
        model.addAttribute("history", history);
        return "appraisal/claim-object";
    }

    @PostMapping("/appraisal/claims")
    @PreAuthorize(CLAIMANTS)
    String submit(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        StaffPrincipal staff = CurrentStaff.get();
        ClaimOutcome o;
        try {
            o = claims.submit(
                    kind(form.get("kind")),
                    form.getOrDefault("objectId", "").strip(),
                    form.getOrDefault("staffId", ""),
                    percent(form.get("share"), "share"),
                    date(form.get("validFrom"), "validFrom"),
                    optionalDate(form.get("validTo"), "validTo"),
                    form.get("reason"),
                    staff);
        } catch (Rejected r) {
            return claimsWith(r, form, model);
        }
        if (o instanceof ClaimOutcome.Refused r) {
            return claimsWith(rejected(r), form, model);
        }
        ClaimOutcome.Done d = (ClaimOutcome.Done) o;
        redirect.addFlashAttribute("done", d);
        return "redirect:/appraisal/claims";
    }

    @PostMapping("/appraisal/claims/{id}/approve")
    @PreAuthorize(DECIDERS)
    String approve(@PathVariable long id, Model model, RedirectAttributes redirect) {
        return decided(claims.approve(id, CurrentStaff.get()), "approved", model, redirect);
    }

    @PostMapping("/appraisal/claims/{id}/reject")
    @PreAuthorize(DECIDERS)
    String reject(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        return decided(claims.reject(id, reason, CurrentStaff.get()), "rejected", model, redirect);
    }

    /**
     * The hand-over of credit (业绩交接): what a member of staff holds on a date within the user's scope, and the form
     * that moves it to others from that date.
     */
    @GetMapping("/appraisal/claims/handover")
    @PreAuthorize(DECIDERS)
    String handOverPage(
            @RequestParam(required = false) String fromStaff,
            @RequestParam(required = false) String date,
            Model model) {
        StaffPrincipal staff = CurrentStaff.get();
        String from = fromStaff == null ? "" : fromStaff.strip();
        LocalDate day = date == null || date.isBlank() ? null : FtpCurvePages.parse(date);
        model.addAttribute("fromStaff", from);
        model.addAttribute("date", day);
        model.addAttribute(
                "held", from.isEmpty() || day == null ? List.of() : credits.creditedTo(from, day, staff.scope()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "appraisal/handover";
    }

    @PostMapping("/appraisal/claims/handover")
    @PreAuthorize(DECIDERS)
    String handOver(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        StaffPrincipal staff = CurrentStaff.get();
        String from = form.getOrDefault("fromStaff", "").strip();
        HandOver outcome;
        LocalDate effective;
        try {
            effective = date(form.get("effective"), "effective");
            Map<String, BigDecimal> to = new LinkedHashMap<>();
            for (int i = 1; i <= HAND_OVER_ROWS; i++) {
                String who = form.getOrDefault("toStaff" + i, "").strip();
                if (!who.isEmpty()) {
                    to.merge(who, percent(form.get("toShare" + i), "toShare" + i), BigDecimal::add);
                }
            }
            outcome = credits.handOver(from, to, effective, staff);
        } catch (Rejected r) {
            model.addAttribute("error", r);
            model.addAttribute("form", form);
            return handOverPage(from, form.get("effective"), model);
        }
        if (outcome instanceof HandOver.Refused r) {
            model.addAttribute(
                    "error",
                    new Rejected(
                            "fromStaff",
                            "appraisal.handover.refused." + r.reason().name()));
            model.addAttribute("form", form);
            return handOverPage(from, form.get("effective"), model);
        }
        HandOver.Done done = (HandOver.Done) outcome;
        redirect.addFlashAttribute("handedOver", done.objects());
        return "redirect:/appraisal/claims/handover?fromStaff="
                + java.net.URLEncoder.encode(from, java.nio.charset.StandardCharsets.UTF_8)
                + "&date=" + effective;
    }

    /** How many receivers the hand-over form offers. */
    static final int HAND_OVER_ROWS = 3;

    @GetMapping("/appraisal/disputes")
    String disputes(Model model) {
        model.addAttribute("disputes", claims.disputes(CurrentStaff.get().scope()));
        return "appraisal/disputes";
    }

    @GetMapping("/appraisal/disputes/{id}")
    String dispute(@PathVariable long id, Model model) {
        Dispute d = claims.dispute(id, CurrentStaff.get().scope())
                .orElseThrow(() -> new NotFound("dispute", Long.toString(id)));
        model.addAttribute("dispute", d);
        return "appraisal/dispute";
    }

    @PostMapping("/appraisal/disputes/{id}/settle")
    @PreAuthorize(DECIDERS)
    String settle(
            @PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        StaffPrincipal staff = CurrentStaff.get();
        Dispute d = claims.dispute(id, staff.scope()).orElseThrow(() -> new NotFound("dispute", Long.toString(id)));
        ClaimOutcome o;
        try {
            Map<Long, BigDecimal> shares = new LinkedHashMap<>();
            for (Claim c : d.claims()) {
                String v = form.get("share_" + c.claimId());
                if (v != null && !v.isBlank()) {
                    shares.put(
                            c.claimId(), v.strip().equals("0") ? BigDecimal.ZERO : percent(v, "share_" + c.claimId()));
                }
            }
            o = claims.settle(id, shares, date(form.get("effective"), "effective"), form.get("note"), staff);
        } catch (Rejected r) {
            model.addAttribute("error", r);
            return dispute(id, model);
        }
        if (o instanceof ClaimOutcome.Refused r) {
            model.addAttribute("error", rejected(r));
            return dispute(id, model);
        }
        redirect.addFlashAttribute("settled", id);
        return "redirect:/appraisal/disputes/" + id;
    }

    private String decided(ClaimOutcome o, String flash, Model model, RedirectAttributes redirect) {
        if (o instanceof ClaimOutcome.Refused r) {
            model.addAttribute("error", rejected(r));
            return claims(null, model);
        }
        redirect.addFlashAttribute(flash, ((ClaimOutcome.Done) o).id());
        return "redirect:/appraisal/claims";
    }

    private String claimsWith(Rejected r, Map<String, String> form, Model model) {
        model.addAttribute("error", r);
        model.addAttribute("form", form);
        return claims(null, model);
    }

    private static Rejected rejected(ClaimOutcome.Refused r) {
        return new Rejected(
                r.field(), "appraisal.refusal." + r.reason().name(), r.args().toArray());
    }

    private static CreditKind kind(String kind) {
        try {
            return CreditKind.valueOf(kind == null ? "" : kind.strip());
        } catch (IllegalArgumentException e) {
            throw new Rejected("kind", "appraisal.refusal.UNKNOWN_OBJECT", String.valueOf(kind), "");
        }
    }

    /** A percentage of at most four decimals as a fraction of six. */
    static BigDecimal percent(String value, String field) {
        String v = value == null ? "" : value.strip();
        if (!v.matches("[0-9]{1,3}(\\.[0-9]{1,4})?")) {
            throw new Rejected(field, "appraisal.refusal.BAD_SHARE", v);
        }
        return new BigDecimal(v).movePointLeft(2).setScale(6);
    }

    private static LocalDate date(String value, String field) {
        LocalDate d = FtpCurvePages.parse(value);
        if (d == null) {
            throw new Rejected(field, "appraisal.refusal.BAD_DATE_FIELD");
        }
        return d;
    }

    private static @Nullable LocalDate optionalDate(String value, String field) {
        return value == null || value.isBlank() ? null : date(value, field);
    }
}
