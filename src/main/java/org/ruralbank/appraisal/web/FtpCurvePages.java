package org.ruralbank.appraisal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.appraisal.FtpCurves;
import org.ruralbank.appraisal.FtpFigures;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Spreadsheets;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.platform.web.Exports;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The FTP curve page: the curves in force by date, the curves waiting for a second person, the form to enter one,
 * and the FTP margins of the last built date by org and by staff (within the user's scope).
 */
@Controller
@RequestMapping("/appraisal/ftp")
class FtpCurvePages {

    private static final String CURVE_KEEPERS = "hasAnyRole('ADMIN','PERF')";

    private final FtpCurves curves;
    private final FtpFigures figures;

    private final Exports exports;

    FtpCurvePages(FtpCurves curves, FtpFigures figures, Exports exports) {
        this.exports = exports;
        this.curves = curves;
        this.figures = figures;
    }

    @GetMapping
    String page(@RequestParam(required = false) String date, Model model) {
        StaffPrincipal staff = CurrentStaff.get();
        LocalDate day = parse(date);
        if (day == null) {
            day = figures.lastDate().orElse(null);
        }
        model.addAttribute("terms", FtpCurves.TERMS.keySet());
        model.addAttribute("curves", curves.curves());
        model.addAttribute(
                "proposals",
                curves.proposals().stream()
                        .filter(p -> p.status().equals("PENDING"))
                        .toList());
        model.addAttribute("day", day);
        model.addAttribute("byOrg", day == null ? List.of() : figures.byOrg(day, staff));
        model.addAttribute("byStaff", day == null ? List.of() : figures.byStaff(day, staff));
        return "appraisal/ftp";
    }

    @GetMapping("/export")
    void export(HttpServletResponse response) throws IOException {
        StaffPrincipal staff = CurrentStaff.get();
        LocalDate day = figures.lastDate().orElse(null);
        List<String> headers = new ArrayList<>(List.of(exports.text("ftp.curveDate")));
        headers.addAll(FtpCurves.TERMS.keySet());
        headers.addAll(List.of(exports.text("ftp.source"), exports.text("ftp.maker"), exports.text("ftp.checker")));
        List<Spreadsheets.Table> tables = new ArrayList<>();
        tables.add(new Spreadsheets.Table(
                exports.text("ftp.export.curves"),
                headers,
                sink -> curves.curves().forEach(c -> {
                    List<Object> cells = new ArrayList<>(List.of(c.curveDate()));
                    FtpCurves.TERMS.keySet().forEach(t -> cells.add(c.rates().get(t)));
                    cells.addAll(Arrays.asList(exports.text("ftp.source." + c.source()), c.maker(), c.checker()));
                    sink.accept(cells);
                })));
        if (day != null) {
            tables.add(exports.table(
                    "ftp.byOrg",
                    List.of("ftp.org", "ftp.kind", "ftp.balance", "ftp.margin", "ftp.marginMtd"),
                    sink -> figures.byOrg(day, staff)
                            .forEach(r -> sink.accept(Arrays.asList(
                                    r.orgId() + " " + (r.orgName() == null ? "" : r.orgName()),
                                    exports.text("ftp.kind." + r.accountKind()),
                                    r.balance(),
                                    r.margin(),
                                    r.marginMtd())))));
            tables.add(exports.table(
                    "ftp.byStaff",
                    List.of("ftp.staff", "ftp.org", "ftp.creditedBalance", "ftp.margin", "ftp.marginMtd"),
                    sink -> figures.byStaff(day, staff)
                            .forEach(r -> sink.accept(Arrays.asList(
                                    r.staffId() + " " + (r.staffName() == null ? "" : r.staffName()),
                                    r.orgId(),
                                    r.creditedBalance(),
                                    r.margin(),
                                    r.marginMtd())))));
        }
        exports.send(
                response,
                "ftp-curves",
                exports.title(
                        "ftp.export.title",
                        List.of(),
                        day == null ? exports.asOfToday() : exports.asOf(day),
                        "ftp.export.unit"),
                tables);
    }

    @PostMapping("/propose")
    @PreAuthorize(CURVE_KEEPERS)
    String propose(@RequestParam Map<String, String> form, RedirectAttributes redirect, Model model) {
        FtpCurves.Outcome o = curves.propose(parse(form.get("curveDate")), form, CurrentStaff.get());
        if (o instanceof FtpCurves.Outcome.Refused r) {
            model.addAttribute("problems", r.problems());
            model.addAttribute("form", form);
            return page(null, model);
        }
        redirect.addFlashAttribute(
                "proposed", ((FtpCurves.Outcome.Saved) o).dates().get(0));
        return "redirect:/appraisal/ftp";
    }

    /**
     * Imports an Excel or CSV file of {@code date,term,rate} rows, as {@code ruralbank appraisal curve import} does:
     * whole or not at all, each problem named by line and field. The curves are bank-wide, so only a whole-bank
     * keeper may import them.
     */
    @PostMapping("/import")
    @PreAuthorize(CURVE_KEEPERS)
    String importFile(@RequestParam("file") MultipartFile file, RedirectAttributes redirect, Model model)
            throws IOException {
        StaffPrincipal staff = CurrentStaff.get();
        String name = file.getOriginalFilename() == null ? "curve.csv" : file.getOriginalFilename();
        FtpCurves.Outcome o = staff.dataScope() != DataScope.ALL
                ? new FtpCurves.Outcome.Refused(
                        List.of(new FtpCurves.Problem(0, "file", "ftp.problem.wholeBankImport")))
                : curves.importFile(name, file.getInputStream(), staff.username());
        if (o instanceof FtpCurves.Outcome.Refused r) {
            model.addAttribute("problems", r.problems());
            model.addAttribute("fileName", name);
            return page(null, model);
        }
        redirect.addFlashAttribute(
                "imported", ((FtpCurves.Outcome.Saved) o).dates().size());
        return "redirect:/appraisal/ftp";
    }

    @PostMapping("/proposals/{id}/approve")
    @PreAuthorize(CURVE_KEEPERS)
    String approve(@PathVariable long id, RedirectAttributes redirect, Model model) {
        return decide(id, true, redirect, model);
    }

    @PostMapping("/proposals/{id}/reject")
    @PreAuthorize(CURVE_KEEPERS)
    String reject(@PathVariable long id, RedirectAttributes redirect, Model model) {
        return decide(id, false, redirect, model);
    }

    private String decide(long id, boolean approve, RedirectAttributes redirect, Model model) {
        StaffPrincipal staff = CurrentStaff.get();
        FtpCurves.Outcome o = staff.dataScope() != DataScope.ALL
                ? new FtpCurves.Outcome.Refused(List.of(new FtpCurves.Problem(0, "proposal", "ftp.problem.wholeBank")))
                : curves.decide(id, approve, staff);
        if (o instanceof FtpCurves.Outcome.Refused r) {
            model.addAttribute("problems", r.problems());
            return page(null, model);
        }
        redirect.addFlashAttribute(
                approve ? "approved" : "rejected",
                ((FtpCurves.Outcome.Saved) o).dates().get(0));
        return "redirect:/appraisal/ftp";
    }

    static @Nullable LocalDate parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
