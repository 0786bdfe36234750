package org.ruralbank.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The annual report's web page names itself and its year, totals its per-org table, and shows its figures by name
 * without their internal keys, in the page's language.
 */
@OnPostgres
class AnnualReportPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Test
    void theReportHasATitleAndItsPerOrgTableATotalRow() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org a = bank.branch("年报甲支行");
        Org b = bank.branch("年报乙支行");
        // a year of its own: one card, one device transaction and one merchant per org on its one date
        TestBank.Rows.seed(
                ctx.getBean(Warehouse.class),
                LocalDate.of(2019, 6, 30),
                List.<String[]>of(new String[] {a.orgId(), a.path()}, new String[] {b.orgId(), b.path()}));
        MockHttpSession head =
                TestBank.login(mvc, bank.user(bank.headOffice(), DataScope.ALL, Role.EBANK), TestBank.PASSWORD);

        String zh = page(head, "/channels/report?year=2019");
        assertThat(zh).contains("id=\"report-title\">2019 年电子银行年度报告</h5>");
        String total = zh.substring(zh.indexOf("id=\"report-branches-total\""));
        total = total.substring(0, total.indexOf("</tr>"));
        AnnualReport r = ctx.getBean(AnnualReports.class).of(2019, org.ruralbank.platform.OrgScope.everything());
        assertThat(r.branches()).hasSizeGreaterThanOrEqualTo(2);
        long cards =
                r.branches().stream().mapToLong(AnnualReport.OrgFigures::cards).sum();
        long deviceTxn = r.branches().stream()
                .mapToLong(AnnualReport.OrgFigures::deviceTxn)
                .sum();
        assertThat(r.branchTotal().cards()).isEqualTo(cards).isEqualTo(r.count("cards.total"));
        assertThat(r.branchTotal().deviceTxn()).isEqualTo(deviceTxn).isEqualTo(r.count("devices.txn.total"));
        assertThat(total).contains(">合计</td>").contains(">" + cards + "</td>").contains(">" + deviceTxn + "</td>");
        assertThat(zh).as("figures by name, not by key").doesNotContain("<code>cards.total</code>", "cards.total");

        String en = page(head, "/channels/report?year=2019&lang=en");
        assertThat(en).contains("id=\"report-title\">E-banking annual report 2019</h5>", ">Total</td>");
        // the narrative and the figure names in English; org names are the bank's data
        String text = between(en, "id=\"report-text\"", "id=\"report-branches\"");
        assertThat(text).contains("1. Debit cards", "As of 2019-06-30").doesNotContainPattern("\\p{IsHan}");
        String figures = en.substring(en.indexOf("id=\"report-figures\""));
        assertThat(figures).contains("Cards in issue", "of which withdrawals").doesNotContainPattern("\\p{IsHan}");
        assertThat(zh).contains("一、金农卡", "截至6月30日", "累计发卡（张）");
    }

    /**
     * The table by org reads in 万元 as the report does until the reader switches to 元; its export and its printed unit
     * line follow the switch, while the text and the key figures stay in the report's 万元.
     */
    @Test
    void theTableByOrgFollowsTheMoneyUnitOnThePageInItsExportAndInPrint() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org a = bank.branch("年报万元支行");
        TestBank.Rows.seed(ctx.getBean(Warehouse.class), LocalDate.of(2018, 6, 30), List.<String[]>of(new String[] {
            a.orgId(), a.path()
        }));
        MockHttpSession head =
                TestBank.login(mvc, bank.user(bank.headOffice(), DataScope.ALL, Role.EBANK), TestBank.PASSWORD);
        AnnualReport r = ctx.getBean(AnnualReports.class).of(2018, org.ruralbank.platform.OrgScope.everything());
        java.math.BigDecimal balance = r.branchTotal().cardBalance();
        org.ruralbank.platform.web.NumberFormats fmt = ctx.getBean(org.ruralbank.platform.web.NumberFormats.class);

        String wan = page(head, "/channels/report?year=2018");
        String total = between(wan, "id=\"report-branches-total\"", "</tr>");
        assertThat(wan).contains("<th>卡存款余额（万元）</th>", "分机构表的金额为万元");
        assertThat(total).contains(">" + fmt.wan(balance) + "<");
        try (XSSFWorkbook book = workbook(head, "/channels/report/export?year=2018")) {
            Sheet orgs = book.getSheetAt(2);
            assertThat(orgs.getRow(1).getCell(0).getStringCellValue()).contains("分机构：万元");
            assertThat(orgs.getRow(2).getCell(4).getStringCellValue()).isEqualTo("卡存款余额（万元）");
            Row last = orgs.getRow(orgs.getLastRowNum());
            assertThat(last.getCell(1).getStringCellValue()).isEqualTo("合计");
            assertThat(last.getCell(4).getNumericCellValue())
                    .isEqualTo(balance.movePointLeft(4)
                            .setScale(2, java.math.RoundingMode.HALF_UP)
                            .doubleValue());
        }

        String yuan = page(head, "/channels/report?year=2018&unit=yuan");
        assertThat(yuan)
                .contains("<th>卡存款余额（元）</th>", "分机构表的金额为元")
                .as("the key figures stay in the report's 万元")
                .contains("<td>卡存款余额（万元）</td>")
                .doesNotContain("<th>卡存款余额（万元）</th>");
        assertThat(between(yuan, "id=\"report-branches-total\"", "</tr>")).contains(">" + fmt.amount(balance) + "<");
        try (XSSFWorkbook book = workbook(head, "/channels/report/export?year=2018&lang=en")) {
            Sheet orgs = book.getSheetAt(2);
            assertThat(orgs.getRow(1).getCell(0).getStringCellValue()).contains("by org: yuan");
            assertThat(orgs.getRow(2).getCell(4).getStringCellValue()).isEqualTo("Card balance (yuan)");
            Row last = orgs.getRow(orgs.getLastRowNum());
            assertThat(last.getCell(4).getNumericCellValue()).isEqualTo(balance.doubleValue());
            assertThat(last.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        }
    }

    private XSSFWorkbook workbook(MockHttpSession session, String url) throws Exception {
        return new XSSFWorkbook(new java.io.ByteArrayInputStream(mvc.perform(get(url).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray()));
    }

    private static String between(String html, String from, String to) {
        int i = html.indexOf(from);
        return html.substring(i, html.indexOf(to, i));
    }

    private String page(MockHttpSession session, String url) throws Exception {
        return mvc.perform(get(url).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
