package org.ruralbank.cockpit.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ruralbank.cockpit.Cockpit;
import org.ruralbank.ingest.IngestMonitor;
import org.ruralbank.ingest.IngestProblem;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.platform.StaffUsers;
import org.ruralbank.platform.WholeBankPages;
import org.ruralbank.platform.web.MoneyUnit;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page (工作台): the cockpit of the user's scope on the last date the warehouse holds, or one asked for. */
@Controller
class CockpitController {

    /** Sparklines are drawn server-side as SVG polylines in a box this size (CSS scales it). */
    private static final int SPARK_WIDTH = 120;

    private static final int SPARK_HEIGHT = 28;

    private final Cockpit cockpit;
    private final IngestMonitor intake;
    private final Orgs orgs;
    private final StaffUsers users;

    CockpitController(Cockpit cockpit, IngestMonitor intake, Orgs orgs, StaffUsers users) {
        this.cockpit = cockpit;
        this.intake = intake;
        this.orgs = orgs;
        this.users = users;
    }

    @GetMapping("/home")
    String home(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            Model model) {
        // the bank's totals read in 万元 until the user chooses a unit
        MoneyUnit.pageDefault(MoneyUnit.WAN);
        StaffPrincipal staff = CurrentStaff.get();
        OrgScope scope = staff.scope();
        Cockpit.Glance glance = cockpit.of(scope, date);
        model.addAttribute("glance", glance);
        model.addAttribute(
                "sparks", glance.figures().stream().map(f -> spark(f.trend())).toList());
        model.addAttribute(
                "intakeProblems", seesIntake(staff) ? intake.current().problems() : List.<IngestProblem>of());
        model.addAttribute("orgCount", orgs.list(scope).size());
        model.addAttribute("userCount", users.search(scope, null, 1, 1).total());
        return "cockpit/home";
    }

    /** The intake's problems are shown to those who can act on them on the data platform page. */
    private static boolean seesIntake(StaffPrincipal staff) {
        return WholeBankPages.reachableBy(staff) && (staff.has(Role.ADMIN) || staff.has(Role.EBANK));
    }

    /** The points of an SVG polyline through {@code values}, scaled to the sparkline's box; empty under two values. */
    static String spark(List<BigDecimal> values) {
        if (values.size() < 2) {
            return "";
        }
        BigDecimal min = values.stream().reduce(BigDecimal::min).orElseThrow();
        BigDecimal max = values.stream().reduce(BigDecimal::max).orElseThrow();
        double span = max.subtract(min).doubleValue(); // a drawing's coordinates, not money
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            double x = (double) i * SPARK_WIDTH / (values.size() - 1);
            double y = span == 0
                    ? SPARK_HEIGHT / 2.0
                    : SPARK_HEIGHT - values.get(i).subtract(min).doubleValue() / span * SPARK_HEIGHT;
            points.append(i == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return points.toString();
    }
}
