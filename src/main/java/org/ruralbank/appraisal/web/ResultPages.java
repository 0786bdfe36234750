package org.ruralbank.appraisal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.appraisal.Access;
import org.ruralbank.appraisal.AppraisalRuns;
import org.ruralbank.appraisal.Indicators;
import org.ruralbank.appraisal.Period;
import org.ruralbank.appraisal.Perspective;
import org.ruralbank.appraisal.QualitativeScores;
import org.ruralbank.appraisal.Schemes;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.Spreadsheets;
import org.ruralbank.platform.web.Exports;
import org.ruralbank.platform.web.Texts;
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
 * Runs and results: the runs of each period (run, publish, the entries of branches and departments with
 * maker-checker), the ranking of the branches and of the head office's departments with a chart and the differences
 * from the version before, a branch's or a department's scorecard by perspective with its people, a person's items,
 * and the accounts behind a figure. A branch head sees their branch, a department's head their department, a
 * customer manager only their own results, the performance office all.
 */
@Controller
@RequestMapping("/appraisal")
class ResultPages {

    private final AppraisalRuns runs;
    private final Schemes schemes;
    private final Indicators indicators;
    private final QualitativeScores entries;
    private final Texts texts;

    private final Exports exports;

    ResultPages(
            AppraisalRuns runs,
            Schemes schemes,
            Indicators indicators,
            QualitativeScores entries,
            Texts texts,
            Exports exports) {
        this.exports = exports;
        this.runs = runs;
        this.schemes = schemes;
        this.indicators = indicators;
        this.entries = entries;
        this.texts = texts;
    }

    /** A head-office page (the departments' entries name every branch): whole bank only, see WholeBankPages. */
    @GetMapping("/office/runs")
    @PreAuthorize(Pages.PERF)
    String runs(@RequestParam(required = false) String period, Model model) {
        List<AppraisalRuns.Run> all = runs.list();
        String p = period != null && !period.isBlank()
                ? period.strip()
                : all.isEmpty() ? "" : all.get(0).periodKey();
        model.addAttribute("runs", all);
        model.addAttribute("period", p);
        List<QualitativeScores.Entry> listed = p.isEmpty() ? List.of() : entries.of(p);
        String me = CurrentStaff.get().username();
        model.addAttribute("entries", listed);
        model.addAttribute("deptEntries", p.isEmpty() ? List.of() : entries.departmentsOf(p));
        model.addAttribute(
                "rejectedMine",
                listed.stream()
                        .filter(e ->
                                e.status().equals("REJECTED") && e.enteredBy().equals(me))
                        .count());
        model.addAttribute(
                "published",
                runs.list().stream()
                        .filter(r -> r.status() == AppraisalRuns.Status.PUBLISHED)
                        .map(AppraisalRuns.Run::periodKey)
                        .collect(java.util.stream.Collectors.toSet()));
        return "appraisal/runs";
    }

    @PostMapping("/office/runs")
    @PreAuthorize(Pages.PERF)
    String run(@RequestParam(required = false) String period, Model model, HttpServletResponse response) {
        try {
            AppraisalRuns.Run run = runs.run(period, CurrentStaff.get().scope());
            return "redirect:/appraisal/results?run=" + run.runId();
        } catch (Rejected r) {
            Pages.refused(r, model, response);
            return runs(period, model);
        }
    }

    @PostMapping("/office/runs/{id}/publish")
    @PreAuthorize(Pages.PERF)
    String publish(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return decided(
                () -> "/appraisal/results?run="
                        + runs.publish(id, CurrentStaff.get().scope()).runId(),
                model,
                response,
                redirect);
    }

    @PostMapping("/office/runs/{id}/republish")
    @PreAuthorize(Pages.PERF)
    String republish(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return decided(
                () -> "/appraisal/results?run="
                        + runs.republish(id, CurrentStaff.get().scope()).runId(),
                model,
                response,
                redirect);
    }

    /** A head-office decision: saved, it redirects where {@code decision} says; refused, the runs page says why. */
    private String decided(
            java.util.function.Supplier<String> decision,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            String next = decision.get();
            redirect.addFlashAttribute("saved", true);
            return "redirect:" + next;
        } catch (Rejected r) {
            Pages.refused(r, model, response);
            return runs(null, model);
        }
    }

    /** Enters a branch's entry ({@code orgId}) or, given {@code deptId}, a head-office department's. */
    @PostMapping("/office/entries")
    @PreAuthorize(Pages.PERF)
    String enter(
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String orgId,
            @RequestParam(required = false) String deptId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String itemCode,
            @RequestParam(required = false) String points,
            @RequestParam(required = false) String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            if (deptId != null && !deptId.isBlank()) {
                entries.enterForDepartment(
                        period,
                        deptId,
                        kind,
                        itemCode,
                        points,
                        reason,
                        CurrentStaff.get().scope());
            } else {
                entries.enter(
                        period,
                        orgId,
                        kind,
                        itemCode,
                        points,
                        reason,
                        CurrentStaff.get().scope());
            }
            redirect.addFlashAttribute("saved", true);
            return "redirect:/appraisal/office/runs?period="
                    + Period.parse(period).key();
        } catch (Rejected r) {
            Pages.refused(r, model, response);
            return runs(period, model);
        }
    }

    /** Approves a branch's entry, or a department's ({@code department=true}: the id is of the departments' entries). */
    @PostMapping("/office/entries/{id}/approve")
    @PreAuthorize(Pages.PERF)
    String approve(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean department,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return decided(
                () -> "/appraisal/office/runs?period="
                        + (department
                                        ? entries.approveDepartmentEntry(
                                                id, CurrentStaff.get().scope())
                                        : entries.approve(id, CurrentStaff.get().scope()))
                                .periodKey(),
                model,
                response,
                redirect);
    }

    @PostMapping("/office/entries/{id}/reject")
    @PreAuthorize(Pages.PERF)
    String reject(
            @PathVariable long id,
            @RequestParam(required = false) String decisionReason,
            @RequestParam(defaultValue = "false") boolean department,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return decided(
                () -> "/appraisal/office/runs?period="
                        + (department
                                        ? entries.rejectDepartmentEntry(
                                                id,
                                                decisionReason,
                                                CurrentStaff.get().scope())
                                        : entries.reject(
                                                id,
                                                decisionReason,
                                                CurrentStaff.get().scope()))
                                .periodKey(),
                model,
                response,
                redirect);
    }

    @GetMapping("/results")
    @PreAuthorize(Pages.READERS)
    String results(@RequestParam(required = false) Long run, Model model) {
        Access access = Access.of(CurrentStaff.get());
        AppraisalRuns.Run r = run(run);
        model.addAttribute("runs", runs.list());
        model.addAttribute("run", r);
        if (r == null) {
            return "appraisal/results";
        }
        List<AppraisalRuns.DeptResult> departments = runs.departments(r.runId(), access);
        model.addAttribute("departments", departments);
        if (access.ownStaffId() != null) {
            boolean own = runs.person(r.runId(), access.ownStaffId(), access).isPresent();
            model.addAttribute("ownResult", own);
            model.addAttribute("ownStaffId", access.ownStaffId());
            if (own && departments.isEmpty()) {
                return "redirect:/appraisal/results/people/" + access.ownStaffId() + "?run=" + r.runId();
            }
            // the run has no result of theirs (joined after its period, say): say so rather than answer 404
            model.addAttribute("noOwnResult", !own);
        }
        List<AppraisalRuns.OrgResult> branches =
                access.ownStaffId() != null ? List.of() : runs.branches(r.runId(), access);
        model.addAttribute("branches", branches);
        model.addAttribute(
                "differences", access.ownStaffId() != null ? List.of() : runs.differences(r.runId(), access));
        model.addAttribute("chartLabels", Pages.labels(branches, AppraisalRuns.OrgResult::orgName));
        model.addAttribute("chartScores", Pages.numbers(branches, AppraisalRuns.OrgResult::score));
        return "appraisal/results";
    }

    @GetMapping("/results/export")
    @PreAuthorize(Pages.READERS)
    void export(@RequestParam(required = false) Long run, HttpServletResponse response) throws IOException {
        Access access = Access.of(CurrentStaff.get());
        AppraisalRuns.Run r = run(run);
        if (r == null) {
            throw new NotFound("appraisal_run", String.valueOf(run));
        }
        // the departments the reader sees, and their members: a department's head who otherwise sees only their own
        // result (or their branch's) sees their department's members too
        List<AppraisalRuns.DeptResult> departments = runs.departments(r.runId(), access);
        List<AppraisalRuns.PersonResult> people = new ArrayList<>(runs.people(r.runId(), null, access));
        java.util.Set<String> listed = new java.util.HashSet<>();
        people.forEach(p -> listed.add(p.staffId()));
        for (AppraisalRuns.DeptResult d : departments) {
            runs.departmentPeople(r.runId(), d.deptId(), access).stream()
                    .filter(m -> listed.add(m.staffId()))
                    .forEach(people::add);
        }
        Map<String, String> deptNames = new HashMap<>();
        departments.forEach(d -> deptNames.put(d.deptId(), d.deptId() + " " + d.deptName()));
        List<AppraisalRuns.OrgResult> branches =
                access.ownStaffId() != null ? List.of() : runs.branches(r.runId(), access);
        List<AppraisalRuns.Difference> differences =
                access.ownStaffId() != null ? List.of() : runs.differences(r.runId(), access);
        List<Spreadsheets.Table> tables = new ArrayList<>();
        if (!branches.isEmpty()) {
            tables.add(exports.table(
                    "appraisal.export.branches",
                    List.of(
                            "appraisal.rank",
                            "appraisal.branch",
                            "appraisal.area",
                            "appraisal.headcount",
                            "appraisal.score"),
                    sink -> branches.forEach(o -> sink.accept(Arrays.asList(
                            o.rank(),
                            o.orgId() + " " + o.orgName(),
                            o.areaClass() == null ? null : texts.get("appraisal.area." + o.areaClass()),
                            (long) o.headcount(),
                            o.score())))));
        }
        if (!departments.isEmpty()) {
            tables.add(exports.table(
                    "appraisal.departments",
                    List.of(
                            "appraisal.rank",
                            "appraisal.department",
                            "appraisal.department.head",
                            "appraisal.headcount",
                            "appraisal.score"),
                    sink -> departments.forEach(d -> sink.accept(Arrays.asList(
                            d.rank(),
                            d.deptId() + " " + d.deptName(),
                            d.headStaffId(),
                            (long) d.headcount(),
                            d.score())))));
        }
        tables.add(exports.table(
                "appraisal.export.people",
                List.of(
                        "appraisal.branch",
                        "appraisal.department",
                        "appraisal.staff",
                        "appraisal.name",
                        "appraisal.post",
                        "appraisal.branchScore",
                        "appraisal.personalScore",
                        "appraisal.score",
                        "appraisal.rankInBranch"),
                sink -> {
                    for (AppraisalRuns.PersonResult p : people) {
                        sink.accept(Arrays.asList(
                                p.branchOrgId(),
                                p.deptId() == null ? null : deptNames.getOrDefault(p.deptId(), p.deptId()),
                                p.staffId(),
                                p.staffName(),
                                p.postCode(),
                                p.branchScore(),
                                p.personalScore(),
                                p.score(),
                                p.rankInBranch()));
                    }
                }));
        if (!differences.isEmpty()) {
            tables.add(exports.table(
                    "appraisal.export.differences",
                    List.of(
                            "appraisal.export.change",
                            "appraisal.name",
                            "appraisal.before",
                            "appraisal.after",
                            "appraisal.export.rankBefore",
                            "appraisal.rank"),
                    sink -> differences.forEach(d -> sink.accept(Arrays.asList(
                            texts.get("appraisal.diff." + d.kind()),
                            d.id() + " " + d.name(),
                            d.before(),
                            d.after(),
                            d.rankBefore(),
                            d.rankAfter())))));
        }
        exports.send(
                response,
                "appraisal-" + r.periodKey() + "-v" + r.version(),
                exports.title(
                        "appraisal.export.results",
                        List.of(String.valueOf(r.version())),
                        r.periodKey() + " " + exports.range(r.from(), r.to()),
                        "appraisal.export.unit"),
                tables);
    }

    /** A perspective's points and weight on a branch's scorecard. */
    record PerspectiveScore(Perspective perspective, BigDecimal weight, BigDecimal points) {}

    @GetMapping("/results/branches/{orgId}")
    @PreAuthorize(Pages.READERS)
    String branch(@PathVariable String orgId, @RequestParam(required = false) Long run, Model model) {
        Access access = Access.of(CurrentStaff.get());
        AppraisalRuns.Run r = run(run);
        if (r == null) {
            throw new NotFound("appraisal_run", String.valueOf(run));
        }
        AppraisalRuns.OrgResult branch = runs.branch(r.runId(), orgId, access);
        List<AppraisalRuns.ItemResult> items = runs.items(r.runId(), orgId, access);
        Schemes.Scheme scheme = schemes.find(r.schemeYear()).orElseThrow();
        Map<String, Schemes.Item> byCode = new LinkedHashMap<>();
        scheme.items().forEach(i -> byCode.put(i.code(), i));
        List<PerspectiveScore> perspectives = new ArrayList<>();
        for (Perspective p : Perspective.values()) {
            BigDecimal pts = items.stream()
                    .filter(i -> byCode.containsKey(i.itemCode())
                            && byCode.get(i.itemCode()).perspective() == p)
                    .map(AppraisalRuns.ItemResult::score)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            perspectives.add(new PerspectiveScore(p, scheme.weight(p), pts));
        }
        model.addAttribute("run", r);
        model.addAttribute("branch", branch);
        model.addAttribute("items", items);
        model.addAttribute("schemeItems", byCode);
        model.addAttribute("names", names());
        model.addAttribute("perspectives", perspectives);
        model.addAttribute("people", runs.people(r.runId(), orgId, access));
        model.addAttribute(
                "chartLabels",
                Pages.labels(
                        perspectives,
                        p -> texts.get(
                                "appraisal.perspective." + p.perspective().name())));
        model.addAttribute("chartWeights", Pages.numbers(perspectives, PerspectiveScore::weight));
        model.addAttribute("chartPoints", Pages.numbers(perspectives, PerspectiveScore::points));
        return "appraisal/branch";
    }

    /**
     * A head-office department's scorecard: its score and rank among the departments, its items by perspective (the
     * bank's figures it owns against its targets, its qualitative scores, bonus and penalty points) with a chart of
     * points against weights, and its members appraised with it. The performance office sees every department, a
     * department's head their own; anyone else is answered 404.
     */
    @GetMapping("/results/departments/{deptId}")
    @PreAuthorize(Pages.READERS)
    String department(@PathVariable String deptId, @RequestParam(required = false) Long run, Model model) {
        Access access = Access.of(CurrentStaff.get());
        AppraisalRuns.Run r = run(run);
        if (r == null) {
            throw new NotFound("appraisal_run", String.valueOf(run));
        }
        AppraisalRuns.DeptResult dept = runs.department(r.runId(), deptId, access);
        List<AppraisalRuns.ItemResult> items = runs.departmentItems(r.runId(), deptId, access);
        Map<String, Schemes.Item> byCode = new LinkedHashMap<>();
        schemes.departmentItems(r.schemeYear()).getOrDefault(deptId, List.of()).forEach(i -> byCode.put(i.code(), i));
        List<PerspectiveScore> perspectives = new ArrayList<>();
        for (Perspective p : Perspective.values()) {
            BigDecimal weight = byCode.values().stream()
                    .filter(i -> i.perspective() == p)
                    .map(Schemes.Item::weightPct)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal pts = items.stream()
                    .filter(i -> byCode.containsKey(i.itemCode())
                            && byCode.get(i.itemCode()).perspective() == p)
                    .map(AppraisalRuns.ItemResult::score)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            perspectives.add(new PerspectiveScore(p, weight, pts));
        }
        model.addAttribute("run", r);
        model.addAttribute("dept", dept);
        model.addAttribute("items", items);
        model.addAttribute("schemeItems", byCode);
        model.addAttribute("names", names());
        model.addAttribute("people", runs.departmentPeople(r.runId(), deptId, access));
        model.addAttribute(
                "chartLabels",
                Pages.labels(
                        perspectives,
                        p -> texts.get(
                                "appraisal.perspective." + p.perspective().name())));
        model.addAttribute("chartWeights", Pages.numbers(perspectives, PerspectiveScore::weight));
        model.addAttribute("chartPoints", Pages.numbers(perspectives, PerspectiveScore::points));
        return "appraisal/department";
    }

    @GetMapping("/results/people/{staffId}")
    @PreAuthorize(Pages.READERS)
    String person(@PathVariable String staffId, @RequestParam(required = false) Long run, Model model) {
        Access access = Access.of(CurrentStaff.get());
        AppraisalRuns.Run r = run(run);
        if (r == null) {
            throw new NotFound("appraisal_run", String.valueOf(run));
        }
        AppraisalRuns.PersonResult p =
                runs.person(r.runId(), staffId, access).orElseThrow(() -> new NotFound("staff", staffId));
        Schemes.Scheme scheme = schemes.find(r.schemeYear()).orElseThrow();
        model.addAttribute("run", r);
        model.addAttribute("runs", runs.list());
        model.addAttribute("person", p);
        model.addAttribute("scheme", scheme);
        model.addAttribute("items", runs.personItems(r.runId(), staffId, access));
        model.addAttribute(
                "branchItems",
                p.deptId() != null
                        ? runs.departmentItemsOf(r.runId(), staffId, access)
                        : runs.items(r.runId(), p.branchOrgId(), access));
        model.addAttribute("names", names());
        model.addAttribute("own", access.ownStaffId() != null);
        return "appraisal/person";
    }

    @GetMapping("/results/accounts")
    @PreAuthorize(Pages.READERS)
    String accounts(
            @RequestParam(required = false) Long run,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String staff,
            @RequestParam(required = false) String org,
            @RequestParam(required = false) String dept,
            Model model) {
        Access access = Access.of(CurrentStaff.get());
        if (run == null || item == null) {
            throw new NotFound("appraisal_run", String.valueOf(run));
        }
        AppraisalRuns.Run r = runs.find(run).orElseThrow(() -> new NotFound("appraisal_run", String.valueOf(run)));
        List<Indicators.Account> accounts = blank(dept) != null
                ? runs.departmentAccounts(run, blank(dept), item, access)
                : runs.accounts(run, blank(staff), blank(org), item, access);
        model.addAttribute("run", r);
        model.addAttribute("item", indicators.find(item).orElseThrow());
        model.addAttribute("english", Pages.english());
        model.addAttribute("staffId", blank(staff));
        model.addAttribute("org", blank(org));
        model.addAttribute("dept", blank(dept));
        model.addAttribute("accounts", accounts);
        return "appraisal/accounts";
    }

    private AppraisalRuns.@Nullable Run run(@Nullable Long run) {
        if (run != null) {
            return runs.find(run).orElseThrow(() -> new NotFound("appraisal_run", String.valueOf(run)));
        }
        return runs.current().orElse(null);
    }

    private Map<String, String> names() {
        Map<String, String> m = new LinkedHashMap<>();
        boolean en = Pages.english();
        indicators.all().forEach(d -> m.put(d.code(), d.name(en)));
        return m;
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
