package org.ruralbank.channels.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.ruralbank.platform.Spreadsheets;
import org.ruralbank.platform.web.Download;
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

    OnlineBankingController(
            OnlineBankingFigures figures, EbankUsers users, ChannelPeriod period, OrgComparisons comparisons) {
        this.figures = figures;
        this.users = users;
        this.period = period;
        this.comparisons = comparisons;
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
        ChannelFilters.compared(
                model, comparisons, ChannelFilters.yearToDate(y, orgId, period), COMPARED, LISTS, scope);
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
        Download.xlsx(response, "ebank-users-of-" + list.org().orgId() + "-" + filter.to());
        Spreadsheets.write(
                response.getOutputStream(),
                "电子银行签约明细",
                new Spreadsheets.Title(
                        list.org().name() + (list.below() ? "（含下辖机构）" : "") + KINDS.get(kind) + "签约明细",
                        "截至 " + (list.on() == null ? filter.to() : list.on()),
                        "签约：户"),
                List.of("签约号", "客户号", "签约账号", "签约机构", "签约日期", "状态"),
                sink -> list.users()
                        .items()
                        .forEach(u -> sink.accept(java.util.Arrays.asList(
                                u.ebUserId(),
                                u.custId(),
                                u.acctNo(),
                                u.signOrgId(),
                                u.signDate(),
                                "A".equals(u.status()) ? "正常" : "C".equals(u.status()) ? "已解约" : u.status()))));
    }

    private static final Map<EbankUsers.Kind, String> KINDS = Map.of(
            EbankUsers.Kind.PNET, "个人网银",
            EbankUsers.Kind.CNET, "企业网银",
            EbankUsers.Kind.MOB, "手机银行",
            EbankUsers.Kind.SMS, "短信通知");

    @GetMapping("/export")
    void export(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String org,
            HttpServletResponse response)
            throws IOException {
        int y = period.year(year);
        List<OnlineBankingFigures.Month> months =
                figures.of(y, ChannelPeriod.org(org), CurrentStaff.get().scope());
        Download.xlsx(response, y + "-online-banking");
        MoneyUnit unit = MoneyUnit.current();
        List<String> headers = new ArrayList<>(List.of("月份"));
        for (String users : List.of("个人网银", "企业网银", "手机银行")) {
            headers.addAll(List.of(users + "客户", users + "新增", users + "活跃"));
        }
        for (String channel : List.of("个人", "企业")) {
            for (String kind : List.of("行内转账", "跨行转账", "农信银")) {
                headers.addAll(List.of(channel + kind + "笔数", channel + kind + "金额（" + unit.chinese() + "）"));
            }
        }
        headers.addAll(List.of("手机银行交易笔数", "手机银行金额（" + unit.chinese() + "）"));
        Spreadsheets.write(
                response.getOutputStream(),
                y + "年网银与手机银行",
                new Spreadsheets.Title(y + "年网银与手机银行", y + "年各月", "金额：" + unit.chinese() + "；交易：笔；客户：户"),
                headers,
                sink -> months.forEach(m -> {
                    List<Object> cells = new ArrayList<>(List.of(m.month()));
                    for (OnlineBankingFigures.Users u : List.of(m.pnet(), m.cnet(), m.mob())) {
                        cells.addAll(List.of(u.total(), u.signed(), u.active()));
                    }
                    for (OnlineBankingFigures.Transfers t : List.of(m.pnetTransfers(), m.cnetTransfers())) {
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
                }));
    }
}
