package org.ruralbank.channels.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.ruralbank.channels.CardFigures;
import org.ruralbank.channels.SubstitutionRates;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Spreadsheets;
import org.ruralbank.platform.web.Download;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The e-channel substitution rate per org and month, with its definition and a chart of the monthly total. */
@Controller
@RequestMapping("/channels/substitution")
class SubstitutionController {

    private final SubstitutionRates rates;
    private final CardFigures cards;
    private final Clock clock;

    SubstitutionController(SubstitutionRates rates, CardFigures cards, Clock clock) {
        this.rates = rates;
        this.cards = cards;
        this.clock = clock;
    }

    @GetMapping
    String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) String org,
            Model model) {
        OrgScope scope = CurrentStaff.get().scope();
        int y = year(year);
        String orgId = org == null || org.isBlank() ? null : org;
        SubstitutionRates.View view = rates.of(y, orgId, scope);
        model.addAttribute("view", view);
        model.addAttribute("year", y);
        model.addAttribute("years", List.of(y - 2, y - 1, y));
        model.addAttribute("org", orgId);
        model.addAttribute("orgs", cards.choices(scope));
        StringJoiner labels = new StringJoiner(",", "[", "]");
        StringJoiner values = new StringJoiner(",", "[", "]");
        for (int m = 1; m <= 12; m++) {
            labels.add("\"" + m + "月\"");
            values.add(view.total().rate(m) == null ? "null" : view.total().rate(m).toPlainString());
        }
        model.addAttribute("monthLabels", labels.toString());
        model.addAttribute("monthRates", values.toString());
        return "channels/substitution";
    }

    @GetMapping("/export")
    void export(@RequestParam(required = false) Integer year, @RequestParam(required = false) String org,
            HttpServletResponse response) throws IOException {
        int y = year(year);
        SubstitutionRates.View view = rates.of(y, org == null || org.isBlank() ? null : org,
                CurrentStaff.get().scope());
        List<String> headers = new ArrayList<>(List.of("机构号", "机构名称"));
        for (int m = 1; m <= 12; m++) {
            headers.add(m + "月替代率（%）");
        }
        headers.add("全年替代率（%）");
        Download.xlsx(response, y + "-substitution-rate");
        Spreadsheets.write(response.getOutputStream(), y + "年电子银行替代率", headers, sink -> {
            List<SubstitutionRates.Row> rows = new ArrayList<>(view.rows());
            rows.add(view.total());
            for (SubstitutionRates.Row r : rows) {
                List<Object> cells = new ArrayList<>();
                cells.add(r.orgId());
                cells.add(r.orgName());
                for (int m = 1; m <= 12; m++) {
                    cells.add(r.rate(m));
                }
                cells.add(r.yearRate());
                sink.accept(cells);
            }
        });
    }

    private int year(Integer year) {
        if (year != null) {
            return year;
        }
        LocalDate last = cards.lastDate();
        return last != null ? last.getYear() : LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).getYear();
    }
}
