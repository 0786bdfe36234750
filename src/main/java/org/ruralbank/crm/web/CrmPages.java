package org.ruralbank.crm.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ruralbank.crm.Contacts;
import org.ruralbank.crm.Customer360;
import org.ruralbank.crm.CustomerSearch;
import org.ruralbank.crm.Customers;
import org.ruralbank.crm.GuaranteeCircles;
import org.ruralbank.crm.HouseholdDecisions;
import org.ruralbank.crm.MarketingLists;
import org.ruralbank.crm.Relationships;
import org.ruralbank.crm.Tasks;
import org.ruralbank.crm.Tiers;
import org.ruralbank.directconnect.ConnectedEnterprises;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.platform.web.Exports;
import org.ruralbank.points.CustomerPoints;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The CRM pages: customer search, the customer whole (360) and its unmasking, guarantee circles and chains, value
 * tiers. Customer managers, branch heads and auditors read them within their scope; a customer outside it is not
 * found.
 */
@Controller
@PreAuthorize(CrmPages.READERS)
class CrmPages {

    static final String READERS = "hasAnyRole('CM','BRANCH_HEAD','AUDITOR')";

    private final Customers customers;
    private final Contacts contacts;
    private final Warehouse warehouse;
    private final Tiers tiers;
    private final Tasks tasks;
    private final CustomerPoints points;
    private final HouseholdDecisions households;
    private final ConnectedEnterprises connected;
    private final Exports exports;

    CrmPages(
            Customers customers,
            Contacts contacts,
            Warehouse warehouse,
            Tiers tiers,
            Tasks tasks,
            CustomerPoints points,
            HouseholdDecisions households,
            ConnectedEnterprises connected,
            Exports exports) {
        this.households = households;
        this.connected = connected;
        this.exports = exports;
        this.customers = customers;
        this.contacts = contacts;
        this.warehouse = warehouse;
        this.tiers = tiers;
        this.tasks = tasks;
        this.points = points;
    }

    @GetMapping("/crm/customers")
    String search(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        if (q != null) {
            try {
                model.addAttribute(
                        "found", customers.search(q, CurrentStaff.get().scope()));
            } catch (Rejected r) {
                model.addAttribute("error", r);
            }
        }
        return "crm/search";
    }

    @GetMapping("/crm/customers/export")
    void export(@RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        CustomerSearch.Found found;
        try {
            found = customers.search(q, CurrentStaff.get().scope());
        } catch (Rejected r) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "q: " + r.code());
            return;
        }
        exports.send(
                response,
                "crm-customers",
                exports.title("crm.export.customers", List.of(), exports.asOfToday(), "export.unit.none"),
                List.of(exports.table(
                        "menu.crm.customers",
                        List.of(
                                "crm.custId",
                                "crm.custType",
                                "crm.custName",
                                "crm.idNo",
                                "crm.mobile",
                                "crm.org",
                                "crm.matchedBy"),
                        sink -> found.hits()
                                .forEach(h -> sink.accept(List.of(
                                        h.custId(),
                                        exports.text("crm.custType." + h.custType()),
                                        h.custName(),
                                        h.idNo() == null ? "" : h.idNo(),
                                        h.mobile() == null ? "" : h.mobile(),
                                        h.orgId() + " " + h.orgName(),
                                        exports.text("crm.matchedBy." + h.matchedBy())))))));
    }

    @GetMapping("/crm/customers/{id}")
    String customer(
            @PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        return page(customers.view(id, date(date), CurrentStaff.get().scope()), model);
    }

    /** The customer's relationships drawn around them; a neighbour outside the scope without name or link. */
    @GetMapping("/crm/customers/{id}/graph")
    String graph(
            @PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        OrgScope scope = CurrentStaff.get().scope();
        model.addAttribute("graph", customers.graph(id, date(date), scope, () -> households.confirmed(id, scope)));
        return "crm/graph";
    }

    /** Confirms or rejects the household the data proposes for the customer; then the customer's page. */
    @PostMapping("/crm/customers/{id}/household")
    @PreAuthorize("hasAnyRole('CM','BRANCH_HEAD')")
    String decideHousehold(
            @PathVariable String id,
            @RequestParam(required = false) String decision,
            @RequestParam(required = false) String members,
            Model model,
            RedirectAttributes redirect) {
        StaffPrincipal staff = CurrentStaff.get();
        try {
            HouseholdDecisions.Decided d = households.decide(id, decision, members, staff);
            redirect.addFlashAttribute("householdDecided", d.decision().status().name());
            return "redirect:/crm/customers/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
        } catch (Rejected r) {
            if (r instanceof NotFound) {
                throw r;
            }
            model.addAttribute("error", r);
            return page(customers.view(id, date(null), staff.scope()), model);
        }
    }

    @PostMapping("/crm/customers/{id}/unmask")
    @PreAuthorize("hasAnyRole('CM','BRANCH_HEAD')")
    String unmask(
            @PathVariable String id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        OrgScope scope = CurrentStaff.get().scope();
        try {
            return page(customers.unmask(id, date(date), reason, scope), model);
        } catch (Rejected r) {
            if (r instanceof NotFound) {
                throw r;
            }
            model.addAttribute("error", r);
            return page(customers.view(id, date(date), scope), model);
        }
    }

    @GetMapping("/crm/circles")
    String circles(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        LocalDate d = date(date);
        model.addAttribute("date", d);
        model.addAttribute(
                "groups",
                Relationships.circles(warehouse.queries(), d, CurrentStaff.get().scope()));
        return "crm/circles";
    }

    @GetMapping("/crm/circles/export")
    void exportCircles(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            HttpServletResponse response)
            throws IOException {
        LocalDate d = date(date);
        List<GuaranteeCircles.Group> groups =
                Relationships.circles(warehouse.queries(), d, CurrentStaff.get().scope());
        exports.send(
                response,
                "crm-guarantee-circles",
                exports.title("menu.crm.circles", List.of(), exports.asOf(d), "export.unit.yuan"),
                List.of(
                        exports.table(
                                "menu.crm.circles",
                                List.of(
                                        "export.number",
                                        "crm.circles.kind",
                                        "crm.circles.members",
                                        "crm.circles.amount"),
                                sink -> {
                                    int n = 0;
                                    for (GuaranteeCircles.Group g : groups) {
                                        sink.accept(Arrays.asList(
                                                ++n,
                                                exports.text("crm.circles.kind." + g.kind()) + " (" + g.length() + ")",
                                                String.join(" ", g.members()),
                                                g.amount()));
                                    }
                                }),
                        exports.table(
                                "crm.circles.edges.sheet",
                                List.of(
                                        "export.number",
                                        "crm.circles.kind",
                                        "crm.circles.guarantor",
                                        "crm.circles.guarantorName",
                                        "crm.circles.borrower",
                                        "crm.circles.borrowerName",
                                        "crm.circles.contract",
                                        "crm.circles.edgeAmount",
                                        "crm.circles.org"),
                                sink -> {
                                    int n = 0;
                                    for (GuaranteeCircles.Group g : groups) {
                                        n++;
                                        for (GuaranteeCircles.Edge e : g.edges()) {
                                            sink.accept(Arrays.asList(
                                                    n,
                                                    exports.text("crm.circles.kind." + g.kind()),
                                                    e.fromCustId(),
                                                    e.fromName() == null ? "" : e.fromName(),
                                                    e.toCustId(),
                                                    e.toName() == null ? "" : e.toName(),
                                                    e.refId() == null ? "" : e.refId(),
                                                    e.amount(),
                                                    e.orgId()));
                                        }
                                    }
                                })));
    }

    @GetMapping("/crm/lists")
    String lists(
            @RequestParam(required = false) String list,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        MarketingLists.Kind kind = listKind(list);
        model.addAttribute("kinds", MarketingLists.Kind.values());
        model.addAttribute(
                "listed",
                MarketingLists.of(
                        warehouse.queries(),
                        kind,
                        date(date),
                        tiers,
                        CurrentStaff.get().scope()));
        return "crm/lists";
    }

    /** Works the list: a task per customer it shows on the date, for the user; then the tasks' page. */
    @PostMapping("/crm/lists/tasks")
    @PreAuthorize(PortfolioPages.PROPOSERS)
    String workList(
            @RequestParam(required = false) String list,
            @RequestParam(required = false) String date,
            Model model,
            RedirectAttributes redirect) {
        MarketingLists.Kind kind = listKind(list);
        LocalDate d;
        try {
            d = date == null || date.isBlank() ? customers.lastDate() : LocalDate.parse(date.strip());
        } catch (java.time.format.DateTimeParseException e) {
            model.addAttribute("error", new Rejected("date", "crm.task.date", date));
            return lists(kind.name(), null, model);
        }
        try {
            Tasks.Made made = tasks.work(kind, d, CurrentStaff.get());
            redirect.addFlashAttribute("made", made);
            return "redirect:/crm/tasks?list=" + kind.name() + "&listDate=" + d;
        } catch (Rejected r) {
            model.addAttribute("error", r);
            return lists(kind.name(), d, model);
        }
    }

    /**
     * The lists worked within the scope and, for one of them, its tasks with their result measured from the data on
     * {@code date} (the last loaded date unless asked).
     */
    @GetMapping("/crm/tasks")
    String tasks(
            @RequestParam(required = false) String list,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate listDate,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        OrgScope scope = CurrentStaff.get().scope();
        LocalDate on = date(date);
        model.addAttribute("date", on);
        model.addAttribute("batches", tasks.batches(scope));
        if (list != null && !list.isBlank() && listDate != null) {
            model.addAttribute("outcome", tasks.measure(listKind(list), listDate, on, scope));
        }
        return "crm/tasks";
    }

    @GetMapping("/crm/lists/export")
    void exportList(
            @RequestParam(required = false) String list,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            HttpServletResponse response)
            throws IOException {
        MarketingLists.Listed listed = MarketingLists.of(
                warehouse.queries(),
                listKind(list),
                date(date),
                tiers,
                CurrentStaff.get().scope());
        exports.send(
                response,
                "crm-list-" + listed.kind().name().toLowerCase(java.util.Locale.ROOT),
                exports.title("crm.list." + listed.kind(), List.of(), exports.asOf(listed.date()), "export.unit.none"),
                List.of(exports.table(
                        "menu.crm.lists",
                        List.of("crm.custId", "crm.custName", "crm.mobile", "crm.org", "crm.list.detail"),
                        sink -> listed.entries()
                                .forEach(e -> sink.accept(List.of(
                                        e.custId(),
                                        e.custName(),
                                        e.mobile() == null ? "" : e.mobile(),
                                        e.orgId(),
                                        e.detail() == null ? "" : e.detail()))))));
    }

    private static MarketingLists.Kind listKind(@Nullable String list) {
        if (list == null || list.isBlank()) {
            return MarketingLists.Kind.MAGNETIC_CARD;
        }
        try {
            return MarketingLists.Kind.valueOf(list.strip());
        } catch (IllegalArgumentException e) {
            throw new NotFound("list", list);
        }
    }

    @GetMapping("/crm/value")
    String value(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        LocalDate d = date(date);
        OrgRows rows = OrgRows.of(CurrentStaff.get().scope());
        model.addAttribute("date", d);
        model.addAttribute("tiers", tiers);
        model.addAttribute(
                "counts",
                warehouse
                        .queries()
                        .named("crm/tiers")
                        .bind("business_date", d)
                        .bind("diamond_yuan", tiers.diamond())
                        .bind("gold_yuan", tiers.gold())
                        .bind("silver_yuan", tiers.silver())
                        .within(rows)
                        .list(TierCount.class));
        model.addAttribute(
                "top",
                warehouse
                        .queries()
                        .named("crm/valuable_customers")
                        .bind("business_date", d)
                        .bind("min_yuan", tiers.gold())
                        .within(rows)
                        .list(Valuable.class));
        return "crm/value";
    }

    record TierCount(
            String tier, long customers, java.math.BigDecimal depositBalance, java.math.BigDecimal loanBalance) {}

    record Valuable(
            String custId,
            String custType,
            @Nullable String custName,
            String orgId,
            java.math.BigDecimal depositBalance,
            java.math.BigDecimal loanBalance,
            long cards,
            long ebTypes) {}

    private LocalDate date(@Nullable LocalDate date) {
        return date != null ? date : customers.lastDate();
    }

    @PostMapping("/crm/customers/{id}/contacts")
    @PreAuthorize("hasAnyRole('CM','BRANCH_HEAD')")
    String logContact(
            @PathVariable String id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        StaffPrincipal staff = CurrentStaff.get();
        try {
            Contacts.Logged logged = contacts.log(
                    id,
                    form.get("entryKey"),
                    form.get("contactDate"),
                    form.get("channel"),
                    form.get("outcome"),
                    form.get("note"),
                    staff);
            redirect.addFlashAttribute("contactLogged", logged.contact().contactId());
            return "redirect:/crm/customers/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
        } catch (Rejected r) {
            if (r instanceof NotFound) {
                throw r;
            }
            model.addAttribute("error", r);
            model.addAttribute("contactForm", form);
            return page(customers.view(id, date(null), staff.scope()), model);
        }
    }

    private String page(Customer360 view, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("c", view.identity());
        model.addAttribute(
                "contacts",
                contacts.of(view.identity().custId(), CurrentStaff.get().scope()));
        model.addAttribute("entryKey", UUID.randomUUID().toString());
        model.addAttribute("channels", Contacts.Channel.values());
        model.addAttribute("householdOf", households.of(view.identity().custId(), view.household()));
        // the direct-connection enterprise holding some of the customer's accounts, as the direct connection says
        model.addAttribute(
                "enterprises",
                connected.holding(
                        view.accounts().stream()
                                .map(Customer360.Account::acctNo)
                                .toList(),
                        CurrentStaff.get().scope()));
        model.addAttribute("outcomes", Contacts.Outcome.values());
        // the customer's points (balance, lots in the order they are spent, coming expiries, latest history)
        model.addAttribute(
                "points",
                points.view(view.identity().custId(), CurrentStaff.get().scope(), view.date())
                        .orElse(null));
        return "crm/customer";
    }
}
