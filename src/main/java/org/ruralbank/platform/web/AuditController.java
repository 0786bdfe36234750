package org.ruralbank.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.ruralbank.platform.AuditEvents;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.PageOf;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log for administrators and auditors: search, page, export. */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
class AuditController {

    private final AuditEvents events;
    private final Texts texts;
    private final Exports exports;

    AuditController(AuditEvents events, Texts texts, Exports exports) {
        this.events = events;
        this.texts = texts;
        this.exports = exports;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model) {
        int[] p = PageOf.clamp(page, size);
        AuditEvents.Filter filter = new AuditEvents.Filter(actor, action, from, to);
        model.addAttribute("filter", filter);
        model.addAttribute("result", events.search(CurrentStaff.get().scope(), filter, p[0], p[1]));
        return "platform/audit";
    }

    @GetMapping("/export")
    void export(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response)
            throws IOException {
        AuditEvents.Filter filter = new AuditEvents.Filter(actor, action, from, to);
        exports.send(
                response,
                "audit",
                exports.title(
                        "menu.system.audit",
                        List.of(),
                        from == null && to == null ? exports.asOfToday() : exports.range(from, to),
                        "export.unit.none"),
                List.of(exports.table(
                        "menu.system.audit",
                        List.of(
                                "export.number",
                                "audit.time",
                                "audit.actor",
                                "audit.action",
                                "audit.target",
                                "audit.outcome",
                                "audit.before",
                                "audit.after",
                                "audit.address"),
                        sink -> events.forEach(
                                CurrentStaff.get().scope(),
                                filter,
                                e -> sink.accept(Arrays.asList(
                                        String.valueOf(e.id()),
                                        e.occurredAt(),
                                        e.actor(),
                                        texts.orElse("audit.name." + e.action(), e.action()),
                                        e.targetType() == null
                                                ? null
                                                : texts.orElse("audit.type." + e.targetType(), e.targetType()) + " "
                                                        + e.targetId(),
                                        texts.orElse("audit.outcome." + e.outcome(), String.valueOf(e.outcome())),
                                        e.before(),
                                        e.after(),
                                        e.remoteAddr()))))));
    }
}
