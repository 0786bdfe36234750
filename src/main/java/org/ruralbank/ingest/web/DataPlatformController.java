package org.ruralbank.ingest.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ruralbank.ingest.DateState;
import org.ruralbank.ingest.DateStatus;
import org.ruralbank.ingest.Ingest;
import org.ruralbank.ingest.IngestMonitor;
import org.ruralbank.ingest.IngestPause;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.PageOf;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.warehouse.DayLoad;
import org.ruralbank.warehouse.TestResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The data platform's intake pages: calendar of dates, live progress, per-date load report, data tests. They show
 * the whole bank (failing rows of data tests may name any org or customer): {@code WholeBankPages} keeps them to
 * staff whose scope is the whole bank.
 */
@Controller
@RequestMapping("/data")
@PreAuthorize("hasAnyRole('EBANK','ADMIN')")
class DataPlatformController {

    private final Ingest ingest;
    private final IngestPause pause;
    private final IngestMonitor monitor;
    private final AuditLog audit;
    private final ReasonTexts reasons;
    private final ExecutorService runs = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "load-now");
        t.setDaemon(true);
        return t;
    });

    DataPlatformController(
            Ingest ingest, IngestPause pause, IngestMonitor monitor, AuditLog audit, ReasonTexts reasons) {
        this.reasons = reasons;
        this.ingest = ingest;
        this.pause = pause;
        this.monitor = monitor;
        this.audit = audit;
    }

    /**
     * One day of the calendar; {@code state} null for a day without delivery; {@code title} what its hover says as HTML (state,
     * rows, timings, reason), in the page's language.
     */
    record Day(LocalDate date, DateStatus status, String title) {}

    record Month(YearMonth month, List<List<Day>> weeks) {}

    /** The newest dates the table under the calendar always lists; older ones only when they need attention. */
    static final int RECENT_DATES = 10;

    @GetMapping
    String calendar(@RequestParam(defaultValue = "false") boolean all, Model model) {
        List<DateStatus> everyDate = ingest.status(ingest.defaultInbox());
        Map<YearMonth, Map<LocalDate, DateStatus>> byMonth = new TreeMap<>();
        for (DateStatus s : everyDate) {
            byMonth.computeIfAbsent(YearMonth.from(s.date()), m -> new TreeMap<>())
                    .put(s.date(), s);
        }
        List<Month> months = new ArrayList<>();
        Map<LocalDate, DayLoad> loads = new java.util.HashMap<>();
        ingest.dayLoads().forEach(l -> loads.put(l.date(), l));
        byMonth.forEach((ym, days) -> months.add(new Month(ym, weeks(ym, days, loads))));
        java.util.Collections.reverse(months);
        model.addAttribute("months", months);
        List<DateStatus> newestFirst = new ArrayList<>(everyDate);
        java.util.Collections.reverse(newestFirst);
        List<DateStatus> listed = all ? newestFirst : listed(newestFirst, RECENT_DATES);
        model.addAttribute("dates", listed);
        model.addAttribute("allDates", newestFirst.size());
        model.addAttribute("hiddenDates", newestFirst.size() - listed.size());
        model.addAttribute("counts", counts(everyDate));
        model.addAttribute("progress", ingest.progress());
        model.addAttribute("inbox", ingest.defaultInbox());
        model.addAttribute("paused", pause.paused().orElse(null));
        model.addAttribute("health", monitor.current());
        model.addAttribute("reasons", reasons);
        return "ingest/calendar";
    }

    /**
     * The dates the table lists by default: the {@code recent} newest, and any older one that is not loaded (blocked,
     * pending or waiting), so that a year of loaded dates does not bury what needs attention.
     */
    static List<DateStatus> listed(List<DateStatus> newestFirst, int recent) {
        List<DateStatus> out = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            DateStatus s = newestFirst.get(i);
            if (i < recent || s.state() != DateState.LOADED) {
                out.add(s);
            }
        }
        return out;
    }

    private static Map<DateState, Long> counts(List<DateStatus> all) {
        Map<DateState, Long> m = new java.util.EnumMap<>(DateState.class);
        for (DateState s : DateState.values()) {
            m.put(s, all.stream().filter(x -> x.state() == s).count());
        }
        return m;
    }

    private List<List<Day>> weeks(YearMonth ym, Map<LocalDate, DateStatus> days, Map<LocalDate, DayLoad> loads) {
        List<List<Day>> weeks = new ArrayList<>();
        List<Day> week = new ArrayList<>();
        int lead = ym.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
        for (int i = 0; i < lead; i++) {
            week.add(null);
        }
        for (int d = 1; d <= ym.lengthOfMonth(); d++) {
            LocalDate date = ym.atDay(d);
            DateStatus status = days.get(date);
            week.add(new Day(date, status, status == null ? "" : reasons.day(status, loads.get(date))));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(null);
            }
            weeks.add(week);
        }
        return weeks;
    }

    @GetMapping("/progress")
    String progress(Model model) {
        model.addAttribute("progress", ingest.progress());
        // the counters refresh with the bar: a date moves from pending to loaded while the page is open
        model.addAttribute("counts", counts(ingest.status(ingest.defaultInbox())));
        return "ingest/calendar :: progress";
    }

    @PostMapping("/load")
    String loadNow() {
        boolean started = !ingest.running();
        audit.record(
                "ingest.load",
                "inbox",
                ingest.defaultInbox().getFileName().toString(),
                null,
                Map.of("started", started));
        if (started) {
            runs.submit(() -> ingest.load(ingest.defaultInbox(), null));
        }
        return "redirect:/data";
    }

    /** Pauses the watcher (the automatic loading of the inbox); audited as {@code ingest.pause}. */
    @PostMapping("/pause")
    String pauseWatcher() {
        StaffPrincipal staff = CurrentStaff.get();
        pause.pause(staff.username(), staff.orgPath());
        return "redirect:/data";
    }

    /** Lets the watcher load again; audited as {@code ingest.resume}. */
    @PostMapping("/resume")
    String resumeWatcher() {
        StaffPrincipal staff = CurrentStaff.get();
        pause.resume(staff.username(), staff.orgPath());
        return "redirect:/data";
    }

    @GetMapping("/dates/{date}")
    String report(
            @PathVariable @DateTimeFormat(pattern = "yyyyMMdd") LocalDate date,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model) {
        int[] p = PageOf.clamp(page, size);
        DateStatus status = ingest.status(ingest.defaultInbox()).stream()
                .filter(s -> s.date().equals(date))
                .findFirst()
                .orElseThrow(() -> new org.ruralbank.platform.NotFound("date", date.toString()));
        model.addAttribute("status", status);
        model.addAttribute("files", ingest.files(date));
        model.addAttribute("result", ingest.quarantine(date, p[0], p[1]));
        model.addAttribute("runs", ingest.modelRuns(date));
        model.addAttribute("reasons", reasons);
        return "ingest/report";
    }

    @GetMapping("/tests")
    String tests(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyyMMdd") LocalDate date, Model model) {
        List<DateStatus> all = ingest.status(ingest.defaultInbox());
        LocalDate shown = date != null
                ? date
                : all.stream()
                        .filter(s -> s.state() != DateState.PENDING && s.state() != DateState.WAITING)
                        .map(DateStatus::date)
                        .reduce((a, b) -> b)
                        .orElse(null);
        List<TestResult> results = shown == null ? List.of() : ingest.tests(shown);
        model.addAttribute("date", shown);
        List<LocalDate> dates =
                new ArrayList<>(all.stream().map(DateStatus::date).toList());
        java.util.Collections.reverse(dates);
        model.addAttribute("dates", dates);
        model.addAttribute("results", results);
        model.addAttribute("failed", results.stream().filter(r -> !r.passed()).count());
        return "ingest/tests";
    }
}
