package org.ruralbank.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
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
 * The channel pages' Excel exports say what they are above the table, as the printed report does: a title, the
 * period and the unit; amounts carry thousands separators and their two decimals, counts are whole numbers.
 */
@OnPostgres
class ExportTitlesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Test
    void exportsCarryTitlePeriodUnitAndNumberFormats() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org a = bank.branch("导出甲支行");
        TestBank.Rows.seed(ctx.getBean(Warehouse.class), LocalDate.of(2016, 4, 29), List.<String[]>of(new String[] {
            a.orgId(), a.path()
        }));
        MockHttpSession head =
                TestBank.login(mvc, bank.user(bank.headOffice(), DataScope.ALL, Role.EBANK), TestBank.PASSWORD);

        try (XSSFWorkbook book = workbook(head, "/channels/cards/export?from=2016-01-01&to=2016-12-31")) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("金农卡分机构统计");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                    .contains("2016-01-01 至 2016-12-31")
                    .contains("单位：金额：元");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("机构号");
            Row first = sheet.getRow(3);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo(a.orgId());
            Cell cards = first.getCell(2);
            assertThat(cards.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(cards.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            Cell balance = first.getCell(7);
            assertThat(balance.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(balance.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        }
        try (XSSFWorkbook book = workbook(head, "/channels/substitution/export?year=2016")) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2016年电子银行替代率");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("2016年各月", "单位：%");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("机构号");
        }
    }

    @Test
    void theMoneyUnitChosenIsKeptForTheSessionAndTheExportFollowsIt() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org a = bank.branch("万元甲支行");
        TestBank.Rows.seed(ctx.getBean(Warehouse.class), LocalDate.of(2015, 5, 29), List.<String[]>of(new String[] {
            a.orgId(), a.path()
        }));
        MockHttpSession head =
                TestBank.login(mvc, bank.user(bank.headOffice(), DataScope.ALL, Role.EBANK), TestBank.PASSWORD);

        String page = mvc.perform(get("/channels/cards?from=2015-01-01&to=2015-12-31&unit=wan")
                        .session(head))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("卡存款余额（万元）").contains("金额单位：万元");
        assertThat(mvc.perform(get("/channels/limits").session(head))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .as("the limits page follows the unit chosen")
                .contains("单笔限额（万元）", "日累计限额（万元）");
        try (XSSFWorkbook book = workbook(head, "/channels/limits/export")) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("单位：限额：万元");
            assertThat(sheet.getRow(2).getCell(5).getStringCellValue()).isEqualTo("单笔限额（万元）");
        }
        try (XSSFWorkbook book = workbook(head, "/channels/cards/export?from=2015-01-01&to=2015-12-31")) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                    .as("the unit chosen on the page, kept in the session")
                    .contains("单位：金额：万元");
            assertThat(sheet.getRow(2).getCell(7).getStringCellValue()).isEqualTo("卡存款余额（万元）");
            assertThat(sheet.getRow(3).getCell(7).getNumericCellValue())
                    .as("3,500.00 yuan")
                    .isEqualTo(0.35);
        }
        mvc.perform(get("/channels/cards?unit=yuan").session(head)).andExpect(status().isOk());
        try (XSSFWorkbook book = workbook(head, "/channels/cards/export?from=2015-01-01&to=2015-12-31")) {
            assertThat(book.getSheetAt(0).getRow(3).getCell(7).getNumericCellValue())
                    .isEqualTo(3500.0);
        }
        Object named = mvc.perform(get("/channels/cards?unit=pounds").session(head))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getRequest()
                .getAttribute("parameter");
        assertThat(named).as("the 400 page names the parameter").isEqualTo("unit");
    }

    private XSSFWorkbook workbook(MockHttpSession session, String url) throws Exception {
        byte[] xlsx = mvc.perform(get(url).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }
}
