package org.ruralbank.appraisal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ruralbank.appraisal.Access;
import org.ruralbank.appraisal.Pools;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.web.Exports;
import org.ruralbank.platform.web.Texts;
import org.ruralbank.shared.Money;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bonus pools of the branches and of the head office's departments and their distribution (二次分配): the unit's head
 * (a branch head, a department's head) divides the pool among its people (the sum to the fen, each line within floor
 * and cap, a reason per line), submits it, the head office approves or returns it; the distribution exports as a
 * payroll workbook. The pages are open to the appraisal's readers, since a department's head may hold any of their
 * roles; {@link Pools} decides who sees and who distributes which pool.
 */
@Controller
class PoolPages {

    private final Pools pools;
    private final Texts texts;

    private final Exports exports;

    PoolPages(Pools pools, Texts texts, Exports exports) {
        this.exports = exports;
        this.pools = pools;
        this.texts = texts;
    }

    @GetMapping("/appraisal/pools")
    @PreAuthorize(Pages.READERS)
    String list(@RequestParam(required = false) Long run, Model model) {
        List<Pools.Pool> list = pools.list(run, access());
        model.addAttribute("pools", list);
        model.addAttribute("chartLabels", Pages.labels(list, p -> p.periodKey() + " " + p.unitName()));
        model.addAttribute(
                "chartAmounts",
                Pages.numbers(list, p -> Money.ofFen(p.amountFen()).yuan()));
        return "appraisal/pools";
    }

    @GetMapping("/appraisal/pools/{id}")
    @PreAuthorize(Pages.READERS)
    String pool(@PathVariable long id, Model model) {
        return show(id, pools.lines(id, access()), model);
    }

    private String show(long id, List<Pools.Line> lines, Model model) {
        Pools.Pool pool = pools.find(id, access());
        model.addAttribute("pool", pool);
        model.addAttribute("distributor", pools.distributes(pool, access()));
        model.addAttribute("lines", lines);
        model.addAttribute(
                "sumFen", lines.stream().mapToLong(Pools.Line::amountFen).sum());
        model.addAttribute("chartLabels", Pages.labels(lines, Pools.Line::staffName));
        model.addAttribute(
                "chartAmounts",
                Pages.numbers(lines, l -> Money.ofFen(l.amountFen()).yuan()));
        return "appraisal/pool";
    }

    @PostMapping("/appraisal/pools/{id}")
    @PreAuthorize(Pages.UNIT_HEADS)
    String distribute(
            @PathVariable long id,
            @RequestParam(name = "staffId", required = false) List<String> staffIds,
            @RequestParam(name = "amount", required = false) List<String> amounts,
            @RequestParam(name = "reason", required = false) List<String> reasons,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        List<Pools.LineInput> input = new ArrayList<>();
        int n = staffIds == null ? 0 : staffIds.size();
        for (int i = 0; i < n; i++) {
            input.add(new Pools.LineInput(staffIds.get(i), at(amounts, i), at(reasons, i)));
        }
        try {
            pools.distribute(id, input, access());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/appraisal/pools/" + id;
        } catch (Rejected r) {
            Pages.refused(r, model, response);
            List<Pools.Line> shown = new ArrayList<>();
            for (Pools.Line l : pools.lines(id, access())) {
                Pools.LineInput in = input.stream()
                        .filter(x -> x.staffId().equals(l.staffId()))
                        .findFirst()
                        .orElse(null);
                long fen = in == null
                        ? l.amountFen()
                        : Money.tryParseYuan(
                                        in.amountYuan() == null
                                                ? ""
                                                : in.amountYuan().strip())
                                .map(Money::fen)
                                .orElse(0L);
                shown.add(new Pools.Line(
                        l.staffId(),
                        l.staffName(),
                        l.postCode(),
                        l.score(),
                        fen,
                        in == null || in.reason() == null ? l.reason() : in.reason()));
            }
            return show(id, shown, model);
        }
    }

    @PostMapping("/appraisal/pools/{id}/submit")
    @PreAuthorize(Pages.UNIT_HEADS)
    String submit(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return step(id, () -> pools.submit(id, access()), model, response, redirect);
    }

    @PostMapping("/appraisal/office/pools/{id}/approve")
    @PreAuthorize(Pages.PERF)
    String approve(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return step(id, () -> pools.approve(id, scope()), model, response, redirect);
    }

    @PostMapping("/appraisal/office/pools/{id}/return")
    @PreAuthorize(Pages.PERF)
    String sendBack(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return step(id, () -> pools.sendBack(id, scope()), model, response, redirect);
    }

    private String step(
            long id, Runnable action, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", true);
            return "redirect:/appraisal/pools/" + id;
        } catch (Rejected r) {
            Pages.refused(r, model, response);
            return show(id, pools.lines(id, access()), model);
        }
    }

    @GetMapping("/appraisal/pools/{id}/export")
    @PreAuthorize(Pages.READERS)
    void export(@PathVariable long id, HttpServletResponse response) throws IOException {
        Pools.Pool pool = pools.find(id, access());
        List<Pools.Line> lines = pools.lines(id, access());
        // the title names the unit by its id; its name, Chinese in either language, is data of the rows
        String unit = pool.unitId() + " " + pool.unitName();
        exports.send(
                response,
                "payroll-" + pool.periodKey() + "-" + pool.unitId(),
                exports.title("appraisal.export.payroll", List.of(pool.unitId()), pool.periodKey(), "export.unit.yuan"),
                List.of(exports.table(
                        "appraisal.pool.title",
                        List.of(
                                "appraisal.pool.unit." + pool.unit().name(),
                                "appraisal.staff",
                                "appraisal.name",
                                "appraisal.amount",
                                "appraisal.reason",
                                "appraisal.status"),
                        sink -> {
                            long total = 0;
                            for (Pools.Line l : lines) {
                                total += l.amountFen();
                                sink.accept(Arrays.asList(
                                        unit,
                                        l.staffId(),
                                        l.staffName(),
                                        Money.ofFen(l.amountFen()).yuan(),
                                        l.reason(),
                                        texts.get("appraisal.pool.status."
                                                + pool.status().name())));
                            }
                            sink.accept(Arrays.asList(
                                    texts.get("appraisal.pool.sum"),
                                    null,
                                    null,
                                    Money.ofFen(total).yuan()));
                        })));
    }

    private static OrgScope scope() {
        return CurrentStaff.get().scope();
    }

    private static Access access() {
        return Access.of(CurrentStaff.get());
    }

    private static @Nullable String at(@Nullable List<String> list, int i) {
        return list == null || i >= list.size() ? null : list.get(i);
    }
}
