package org.ruralbank.channels.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.ruralbank.channels.ChannelMeasure;
import org.ruralbank.channels.ChannelPeriod;
import org.ruralbank.channels.EbankUsers;
import org.ruralbank.channels.OnlineBankingFigures;
import org.ruralbank.channels.OrgComparisons;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.PageOf;
import org.ruralbank.platform.web.Exports;
import org.ruralbank.platform.web.MoneyUnit;
import org.ruralbank.warehouse.WarehouseQueries;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Online and mobile banking per month: users and new users, transfers by kind. */
@Controller
@RequestMapping("/channels/online")
class OnlineBankingController {

    /** The figures compared org by org, each with the list of the sign-ups behind it. */
    static final List<ChannelMeasure> COMPARED =
            List.of(ChannelMeasure.PNET_USERS, ChannelMeasure.CNET_USERS, ChannelMeasure.MOB_USERS);

    static final Map<String, String> LISTS = Map.of(
            ChannelMeasure.PNET_USERS.name(), "/channels/online/users?kind=PNET",
            ChannelMeasure.CNET_USERS.name(), "/channels/online/users?kind=CNET",
            ChannelMeasure.MOB_USERS.name(), "/channels/online/users?kind=MOB");

    private final OnlineBankingFigures figures;
    private final EbankUsers users;
    private final ChannelPeriod period;
    private final OrgComparisons comparisons;
    private final ChannelExports exports;
    private final BranchTrendChart trend;

    OnlineBankingController(
            OnlineBankingFigures figures,
            EbankUsers users,
            ChannelPeriod period,
            OrgComparisons comparisons,
            ChannelExports exports,
            BranchTrendChart trend) {
        this.figures = figures;
        this.users = users;
        this.period = period;
        this.comparisons = comparisons;
        this.exports = exports;
        this.trend = trend;
    }

    @GetMapping
    String page(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String org,
            Locale locale,
            Model model) {
        OrgScope scope = CurrentStaff.get().scope();
        int y = period.year(year);
        String orgId = ChannelPeriod.org(org);
        List<OnlineBankingFigures.Month> months = figures.of(y, orgId, scope);
        model.addAttribute("months", months);
        ChannelFilters.yearAndOrg(model, y, period.years(y), orgId, period.orgChoices(scope));
        StringJoiner labels = new StringJoiner(",", "[", "]");
        StringJoiner pnet = new StringJoiner(",", "[", "]");
        StringJoiner cnet = new StringJoiner(",", "[", "]");
        StringJoiner mob = new StringJoiner(",", "[", "]");
        for (OnlineBankingFigures.Month m : months) {
            labels.add("\"" + ChannelFilters.monthName(m.month(), locale) + "\"");
            pnet.add(Long.toString(m.pnetTransfers().count()));
            cnet.add(Long.toString(m.cnetTransfers().count()));
            mob.add(Long.toString(m.mobTransfers()));
        }
        model.addAttribute("chartLabels", labels.toString());
        model.addAttribute("chartPnet", pnet.toString());
        model.addAttribute("chartCnet", cnet.toString());
        model.addAttribute("chartMob", mob.toString());
        ChannelPeriod.Filter yearToDate = ChannelFilters.yearToDate(y, orgId, period);
        ChannelFilters.compared(model, comparisons, yearToDate, COMPARED, LISTS, scope);
        trend.put(model, ChannelMeasure.MOB_USERS, null, yearToDate, scope, locale);
        return "channels/online";
    }

    /**
     * The drill-down from an org's user figure: the sign-ups of one kind behind it ({@code below}: with the orgs below
     * it, as a subtotal counts them) on the period's last data date, one page at a time, account numbers masked.
     */
    @GetMapping("/users")
    String users(
            @RequestParam String org,
            @RequestParam EbankUsers.Kind kind,
            @RequestParam(required = false) Boolean below,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page,
            Model model) {
        ChannelPeriod.Filter filter = period.filter(org, from, to);
        int[] p = PageOf.clamp(page, 50);
        model.addAttribute("filter", filter);
        model.addAttribute(
                "list",
                users.of(
                        org,
                        kind,
                        Boolean.TRUE.equals(below),
                        filter,
                        p[0],
                        p[1],
                        CurrentStaff.get().scope()));
        return "channels/ebank-user-list";
    }

    /** The sign-ups behind an org's user figure as Excel, every row of it (account numbers masked as on the page). */
    @GetMapping("/users/export")
    void exportUsers(
            @RequestParam String org,
            @RequestParam EbankUsers.Kind kind,
            @RequestParam(required = false) Boolean below,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response)
            throws IOException {
        ChannelPeriod.Filter filter = period.filter(org, from, to);
        EbankUsers.UserList list = users.of(
                org,
                kind,
                Boolean.TRUE.equals(below),
                filter,
                1,
                WarehouseQueries.MAX_ROWS,
                CurrentStaff.get().scope());
        Exports x = exports.exports();
        x.send(
                response,
                "ebank-users-of-" + list.org().orgId() + "-" + filter.to(),
                x.title(
                        list.below() ? "ebusers.export.titleBelow" : "ebusers.export.title",
                        List.of(list.org().name(), x.text("ebusers.type." + kind.name())),
                        x.asOf(list.on() == null ? filter.to() : list.on()),
                        "ebusers.export.unit"),
                List.of(x.table(
                        "ebusers.list.title",
                        List.of(
                                "ebusers.list.userId",
                                "ebusers.list.custId",
                                "ebusers.list.acctNo",
                                "ebusers.list.signOrg",
                                "ebusers.list.signDate",
                                "ebusers.list.status"),
                        sink -> list.users()
                                .items()
                                .forEach(u -> sink.accept(Arrays.asList(
                                        u.ebUserId(),
                                        u.custId(),
                                        u.acctNo(),
                                        u.signOrgId(),
                                        u.signDate(),
                                        u.status() == null ? null : x.text("ebusers.status." + u.status())))))));
    }

    /**
     * The page as Excel: the users by month, the transfers by month and the comparison table, in the user's language
     * and money unit.
     */
    @GetMapping("/export")
    void export(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String org,
            HttpServletResponse response)
            throws IOException {
        int y = period.year(year);
        OrgScope scope = CurrentStaff.get().scope();
        String orgId = ChannelPeriod.org(org);
        List<OnlineBankingFigures.Month> months = figures.of(y, orgId, scope);
        MoneyUnit unit = MoneyUnit.current();
        Exports x = exports.exports();
        String money = x.moneyUnit();
        List<Object> userHeaders = new ArrayList<>(List.of("village.month"));
        for (String users : List.of("online.pnetUsers", "online.cnetUsers", "online.mobUsers")) {
            for (String what : List.of("online.users", "online.new", "online.active")) {
                userHeaders.add(Exports.msg("channels.export.column", Exports.msg(users), Exports.msg(what)));
            }
        }
        List<Object> transferHeaders = new ArrayList<>(List.of("village.month"));
        for (String channel : List.of("online.pnet", "online.cnet")) {
            for (String kind : List.of("online.intra", "online.inter", "online.nxy")) {
                Exports.Msg column = Exports.msg("channels.export.column", Exports.msg(channel), Exports.msg(kind));
                transferHeaders.add(Exports.msg("channels.export.column", column, Exports.msg("online.count")));
                transferHeaders.add(Exports.msg("channels.export.column", column, Exports.msg("online.amount", money)));
            }
        }
        transferHeaders.add(
                Exports.msg("channels.export.column", Exports.msg("online.mob"), Exports.msg("online.count")));
        transferHeaders.add(
                Exports.msg("channels.export.column", Exports.msg("online.mob"), Exports.msg("online.amount", money)));
        x.send(
                response,
                y + "-online-banking",
                x.title(
                        "online.export.title",
                        List.of(Integer.toString(y)),
                        exports.months(y),
                        Exports.msg("online.export.unit", money)),
                List.of(
                        x.table(
                                "online.export.users",
                                userHeaders,
                                sink -> months.forEach(m -> {
                                    List<Object> cells = new ArrayList<>(List.of(m.month()));
                                    for (OnlineBankingFigures.Users u : List.of(m.pnet(), m.cnet(), m.mob())) {
                                        cells.addAll(List.of(u.total(), u.signed(), u.active()));
                                    }
                                    sink.accept(cells);
                                })),
                        x.table(
                                "online.export.transfers",
                                transferHeaders,
                                sink -> months.forEach(m -> {
                                    List<Object> cells = new ArrayList<>(List.of(m.month()));
                                    for (OnlineBankingFigures.Transfers t :
                                            List.of(m.pnetTransfers(), m.cnetTransfers())) {
                                        cells.addAll(List.of(
                                                t.intra(),
                                                unit.of(t.intraAmount()),
                                                t.inter(),
                                                unit.of(t.interAmount()),
                                                t.nxy(),
                                                unit.of(t.nxyAmount())));
                                    }
                                    cells.addAll(List.of(m.mobTransfers(), unit.of(m.mobAmount())));
                                    sink.accept(cells);
                                })),
                        exports.compared(comparisons.of(
                                orgId,
                                ChannelFilters.yearToDate(y, orgId, period).from(),
                                ChannelFilters.yearToDate(y, orgId, period).to(),
                                COMPARED,
                                scope))));
    }
}
