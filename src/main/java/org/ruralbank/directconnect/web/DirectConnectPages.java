package org.ruralbank.directconnect.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.directconnect.BusinessCalendar;
import org.ruralbank.directconnect.Onboarding;
import org.ruralbank.directconnect.internal.BankViews;
import org.ruralbank.directconnect.internal.Directory;
import org.ruralbank.directconnect.internal.Pools;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.PageOf;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.web.Exports;
import org.ruralbank.platform.web.Texts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Bank-side pages of the direct connection: enterprises with their accounts, grants, keys, limits and pools;
 * maker-checker changes; the instruction monitor with each instruction's history; the daily reconciliation.
 */
@Controller
@RequestMapping("/directconnect")
class DirectConnectPages {

    static final String READERS = "hasAnyRole('ADMIN','EBANK','BRANCH_HEAD','AUDITOR')";
    static final String ONBOARDERS = "hasAnyRole('ADMIN','EBANK','BRANCH_HEAD')";

    private final BankViews views;
    private final Onboarding onboarding;
    private final Directory directory;
    private final Pools pools;
    private final Orgs orgs;
    private final BusinessCalendar calendar;
    private final Texts texts;
    private final Exports exports;
    /** Where the demo keeps its sample enterprises' operator keys and client recipe; null outside the demo. */
    private final @Nullable String demoKeys;

    DirectConnectPages(
            BankViews views,
            Onboarding onboarding,
            Directory directory,
            Pools pools,
            Orgs orgs,
            BusinessCalendar calendar,
            Texts texts,
            Exports exports,
            @Value("${ruralbank.demo:false}") boolean demo,
            @Value("${ruralbank.home:./data}") String home) {
        this.exports = exports;
        this.demoKeys = demo
                ? Path.of(home)
                        .resolve("demo")
                        .resolve("directconnect")
                        .toAbsolutePath()
                        .toString()
                : null;
        this.views = views;
        this.onboarding = onboarding;
        this.directory = directory;
        this.pools = pools;
        this.orgs = orgs;
        this.calendar = calendar;
        this.texts = texts;
    }

    @GetMapping("/enterprises")
    @PreAuthorize(READERS)
    String enterprises(
            @RequestParam(required = false) String kw, @RequestParam(required = false) Integer page, Model model) {
        int[] p = PageOf.clamp(page, null);
        model.addAttribute("kw", kw);
        model.addAttribute("result", views.enterprises(scope(), kw, p[0], p[1]));
        model.addAttribute(
                "apiBase",
                ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/dc/v1/")
                        .toUriString());
        model.addAttribute("demoKeys", demoKeys);
        return "directconnect/enterprises";
    }

    @GetMapping("/enterprises/new")
    @PreAuthorize(ONBOARDERS)
    String newEnterprise(Model model) {
        model.addAttribute("orgs", orgs.choices(scope()));
        return "directconnect/enterprise-new";
    }

    @GetMapping("/enterprises/{id}")
    @PreAuthorize(READERS)
    String enterprise(@PathVariable String id, Model model) {
        var e = views.enterprise(id, scope()).orElseThrow(() -> new NotFound("enterprise", id));
        model.addAttribute("e", e);
        model.addAttribute("accounts", views.accounts(id));
        model.addAttribute("keys", directory.keys(id));
        model.addAttribute("webhook", views.webhook(id).orElse(null));
        Map<String, Object> poolRuns = new LinkedHashMap<>();
        for (String poolId : views.poolIds(id)) {
            poolRuns.put(
                    poolId,
                    Map.of(
                            "members",
                            pools.members(poolId),
                            "runs",
                            pools.runs(poolId),
                            "pool",
                            pools.pool(poolId).orElseThrow()));
        }
        model.addAttribute("pools", poolRuns);
        model.addAttribute("changes", onboarding.changes(scope(), null, id, 1, 20));
        model.addAttribute("algorithms", org.ruralbank.directconnect.RequestSigning.Algorithm.values());
        return "directconnect/enterprise";
    }

    @GetMapping("/changes")
    @PreAuthorize(READERS)
    String changes(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String enterprise,
            @RequestParam(required = false) Integer page,
            Model model) {
        int[] p = PageOf.clamp(page, null);
        String s = status == null ? "PENDING" : status;
        model.addAttribute("status", s);
        model.addAttribute("enterprise", enterprise);
        model.addAttribute("result", onboarding.changes(scope(), s, enterprise, p[0], p[1]));
        return "directconnect/changes";
    }

    /** Proposes a change (the maker's half); the fields depend on {@code kind}. */
    @PostMapping("/changes")
    @PreAuthorize(ONBOARDERS)
    String propose(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.remove("_csrf");
        String kind = fields.remove("kind");
        String enterpriseKind = fields.remove("enterpriseKind");
        if (enterpriseKind != null) {
            fields.put("kind", enterpriseKind);
        }
        String back = fields.get("enterpriseId") == null
                ? "/directconnect/changes"
                : "/directconnect/enterprises/" + fields.get("enterpriseId");
        try {
            Onboarding.Kind k = Onboarding.Kind.valueOf(kind == null ? "" : kind);
            long id = onboarding.propose(k.change(fields), CurrentStaff.get());
            redirect.addFlashAttribute("proposed", id);
            return "redirect:" + (k == Onboarding.Kind.ENTERPRISE ? "/directconnect/changes" : back);
        } catch (NotFound nf) {
            throw nf;
        } catch (IllegalArgumentException badKind) {
            redirect.addFlashAttribute("error", new Rejected("kind", "dc.rejected.badKind"));
            return "redirect:/directconnect/changes";
        } catch (Rejected r) {
            redirect.addFlashAttribute("error", r);
            redirect.addFlashAttribute("form", fields);
            return "redirect:"
                    + (Onboarding.Kind.ENTERPRISE.name().equals(kind) ? "/directconnect/enterprises/new" : back);
        }
    }

    @PostMapping("/changes/{id}/approve")
    @PreAuthorize(ONBOARDERS)
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        try {
            Onboarding.Change c = onboarding.approve(id, CurrentStaff.get());
            redirect.addFlashAttribute("APPROVED".equals(c.status()) ? "approved" : "unapplicable", c);
        } catch (NotFound nf) {
            throw nf;
        } catch (Rejected r) {
            redirect.addFlashAttribute("error", r);
        }
        return "redirect:/directconnect/changes";
    }

    @PostMapping("/changes/{id}/reject")
    @PreAuthorize(ONBOARDERS)
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            onboarding.reject(id, reason, CurrentStaff.get());
        } catch (NotFound nf) {
            throw nf;
        } catch (Rejected r) {
            redirect.addFlashAttribute("error", r);
        }
        return "redirect:/directconnect/changes";
    }

    @GetMapping("/instructions")
    @PreAuthorize(READERS)
    String instructions(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String enterprise,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) Integer page,
            Model model) {
        int[] p = PageOf.clamp(page, null);
        model.addAttribute("status", status);
        model.addAttribute("enterprise", enterprise);
        model.addAttribute("date", date);
        model.addAttribute("result", views.instructions(scope(), status, enterprise, date, p[0], p[1]));
        return "directconnect/instructions";
    }

    /** The monitor's list with its filters, every row, as Excel. */
    @GetMapping("/instructions/export")
    @PreAuthorize(READERS)
    void exportInstructions(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String enterprise,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            HttpServletResponse response)
            throws IOException {
        exports.send(
                response,
                "instructions" + (date == null ? "" : "-" + date),
                exports.title(
                        "menu.dc.instructions",
                        List.of(),
                        date == null ? exports.asOfToday() : date.toString(),
                        "export.unit.yuan"),
                List.of(exports.table(
                        "menu.dc.instructions",
                        List.of(
                                "export.number",
                                "dc.enterpriseId",
                                "dc.channel",
                                "dc.idemKey",
                                "dc.debitAccount",
                                "dc.creditAccount",
                                "dc.creditorName",
                                "dc.interBank",
                                "dc.amount",
                                "dc.businessDate",
                                "dc.status",
                                "dc.reason",
                                "dc.detail",
                                "dc.transfer",
                                "dc.time"),
                        sink -> views.forEachInstruction(
                                scope(),
                                status,
                                enterprise,
                                date,
                                i -> sink.accept(Arrays.asList(
                                        String.valueOf(i.instructionId()),
                                        i.enterpriseId(),
                                        i.channel(),
                                        i.idemKey(),
                                        i.debitAccount(),
                                        i.creditAccount(),
                                        i.creditorName(),
                                        texts.get(i.interBank() ? "common.yes" : "common.no"),
                                        number(i.amount()),
                                        i.businessDate(),
                                        texts.get("dc.instruction." + i.status()),
                                        i.reasonCode() == null
                                                ? null
                                                : texts.orElse("dc.reason." + i.reasonCode(), i.reasonCode()),
                                        // the API's English words on an English sheet, their data on another
                                        "en"
                                                        .equals(LocaleContextHolder.getLocale()
                                                                .getLanguage())
                                                ? i.reasonText()
                                                : i.reasonData(),
                                        i.transferId(),
                                        i.createdAt()))))));
    }

    /** The reconciliation of a date, its breaks as the page lists them, as Excel. */
    @GetMapping("/reconciliation/export")
    @PreAuthorize(READERS)
    void exportReconciliation(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            HttpServletResponse response)
            throws IOException {
        LocalDate d = date == null ? views.lastExecutedDate(scope(), calendar.today()) : date;
        List<BankViews.Break> breaks = views.reconcile(d, scope());
        long executed = views.executedCount(d, scope());
        exports.send(
                response,
                "reconciliation-" + d,
                exports.title("menu.dc.reconciliation", List.of(), d.toString(), "export.unit.yuan"),
                List.of(
                        exports.table(
                                "dc.reconciliation.sheet",
                                List.of("dc.businessDate", "dc.reconciliation.executed", "dc.reconciliation.breaks"),
                                sink -> sink.accept(List.of(d, executed, (long) breaks.size()))),
                        exports.table(
                                "dc.reconciliation.breaksSheet",
                                List.of(
                                        "dc.break.kind",
                                        "dc.instruction",
                                        "dc.transfer",
                                        "dc.debitAccount",
                                        "dc.amount",
                                        "dc.detail"),
                                sink -> breaks.forEach(b -> sink.accept(Arrays.asList(
                                        texts.get("dc.break." + b.kind()),
                                        b.instructionId() == null ? null : String.valueOf(b.instructionId()),
                                        b.transferId(),
                                        b.account(),
                                        number(b.amount()),
                                        texts.get(
                                                "dc.break.detail." + b.kind(),
                                                d,
                                                b.coreAccount(),
                                                b.coreAmount())))))));
    }

    /** An amount as a number cell; as received (text) when the partner sent something that is not one. */
    private static @Nullable Object number(String amount) {
        try {
            return amount == null ? null : new BigDecimal(amount);
        } catch (NumberFormatException e) {
            return amount;
        }
    }

    @GetMapping("/instructions/{id}")
    @PreAuthorize(READERS)
    String instruction(@PathVariable long id, Model model) {
        model.addAttribute("i", views.instruction(id, scope()).orElseThrow(() -> new NotFound("instruction", "" + id)));
        model.addAttribute("history", views.history(id));
        return "directconnect/instruction";
    }

    @GetMapping("/reconciliation")
    @PreAuthorize(READERS)
    String reconciliation(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        LocalDate d = date == null ? views.lastExecutedDate(scope(), calendar.today()) : date;
        model.addAttribute("date", d);
        model.addAttribute("executed", views.executedCount(d, scope()));
        model.addAttribute("breaks", views.reconcile(d, scope()));
        return "directconnect/reconciliation";
    }

    private static OrgScope scope() {
        return CurrentStaff.get().scope();
    }
}
