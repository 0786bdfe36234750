package org.ruralbank.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ruralbank.appraisal.AppraisalRows;
import org.ruralbank.directconnect.DirectConnectFixture;
import org.ruralbank.directconnect.RequestSigning.Algorithm;
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
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every Excel export outside the channel pages, opened as the user opens it: each sheet says what it is above its
 * table (the title, then the period and the unit), in the user's language (an English user's workbook has no
 * Chinese in its titles and headers), and amounts and counts carry their number formats.
 */
@OnPostgres
class ExportsTest {

    static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Test
    void everyExportCarriesTitlePeriodUnitAndNumberFormatsInTheUsersLanguage() throws Exception {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        TestBank.Rows.seed(ctx.getBean(Warehouse.class), LocalDate.of(2025, 6, 30), List.<String[]>of(new String[] {
            f.branch.orgId(), f.branch.path()
        }));
        String ent = f.enterprise("导出企业");
        String payer = f.account(ent, "20000");
        String payee = f.account(ent, "0");
        var key = f.key(ent, Algorithm.ECDSA_P256_SHA256);
        mvc.perform(DirectConnectFixture.postJson(
                                "/api/dc/v1/payments",
                                "{\"debitAccount\":\"" + payer + "\",\"creditAccount\":\"" + payee
                                        + "\",\"amount\":\"12345.67\"}")
                        .header("Idempotency-Key", "exp-1")
                        .with(key.signed()))
                .andExpect(status().isCreated());
        AppraisalRows.Written appraisal = AppraisalRows.publishedRun(ctx, List.of(f.branch));
        MockHttpSession admin =
                TestBank.login(mvc, f.bank.user(f.bank.headOffice(), DataScope.ALL, Role.ADMIN), TestBank.PASSWORD);
        MockHttpSession auditor =
                TestBank.login(mvc, f.bank.user(f.bank.headOffice(), DataScope.ALL, Role.AUDITOR), TestBank.PASSWORD);

        Map<String, Supplier<MockHttpServletRequestBuilder>> exports = new LinkedHashMap<>();
        exports.put("orgs", () -> get("/orgs/export").session(admin));
        exports.put("users", () -> get("/users/export").session(admin));
        exports.put("audit", () -> get("/audit/export").session(admin));
        exports.put(
                "instructions",
                () -> get("/directconnect/instructions/export?enterprise=" + ent)
                        .session(admin));
        exports.put(
                "reconciliation",
                () -> get("/directconnect/reconciliation/export").session(admin));
        exports.put("points customers", () -> get("/points/export").session(admin));
        exports.put("points finance", () -> get("/points/finance/export").session(admin));
        exports.put("FTP", () -> get("/appraisal/ftp/export").session(admin));
        exports.put("claims", () -> get("/appraisal/claims/export").session(auditor));
        exports.put(
                "appraisal results",
                () -> get("/appraisal/results/export?run=" + appraisal.runId()).session(auditor));
        exports.put(
                "payroll",
                () -> get("/appraisal/pools/" + appraisal.poolOf().get(f.branch.orgId()) + "/export")
                        .session(auditor));
        exports.put("CRM customers", () -> get("/crm/customers/export?q=客户").session(auditor));
        exports.put("CRM circles", () -> get("/crm/circles/export").session(auditor));
        exports.put(
                "CRM list", () -> get("/crm/lists/export?list=MAGNETIC_CARD").session(auditor));
        exports.put(
                "SQL",
                () -> post("/warehouse/sql/export")
                        .session(admin)
                        .with(csrf())
                        .param("query", "select cast(1234.5 as decimal(10, 2)) as amount"));

        List<String> problems = new ArrayList<>();
        for (var export : exports.entrySet()) {
            for (String lang : List.of("zh_CN", "en")) {
                boolean english = lang.equals("en");
                try (XSSFWorkbook book = workbook(export.getValue().get().param("lang", lang))) {
                    for (Sheet sheet : book) {
                        String where = export.getKey() + " " + lang + " " + sheet.getSheetName() + ": ";
                        String title = text(sheet.getRow(0), 0);
                        String periodAndUnit = text(sheet.getRow(1), 0);
                        if (title.isBlank()) {
                            problems.add(where + "no title");
                        }
                        if (!(english
                                ? periodAndUnit.startsWith("Period: ") && periodAndUnit.contains("Unit: ")
                                : periodAndUnit.startsWith("期间：") && periodAndUnit.contains("单位："))) {
                            problems.add(where + "no period and unit: " + periodAndUnit);
                        }
                        Row headers = sheet.getRow(2);
                        if (headers == null || headers.getLastCellNum() < 1) {
                            problems.add(where + "no headers");
                            continue;
                        }
                        List<String> said = new ArrayList<>(List.of(title, periodAndUnit, sheet.getSheetName()));
                        for (Cell c : headers) {
                            said.add(c.getStringCellValue());
                        }
                        for (String s : said) {
                            if (english && HAN.matcher(s).find()) {
                                problems.add(where + "Chinese in an English workbook: " + s);
                            }
                        }
                        if (!english && !HAN.matcher(title).find()) {
                            problems.add(where + "a title not in Chinese: " + title);
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();

        try (XSSFWorkbook book = workbook(exports.get("instructions").get().param("lang", "zh_CN"))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(text(sheet.getRow(0), 0)).isEqualTo("指令监控");
            Cell amount = sheet.getRow(3).getCell(8);
            assertThat(amount.getNumericCellValue()).isEqualTo(12345.67);
            assertThat(amount.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(text(sheet.getRow(3), 0)).as("an id is no figure").isNotBlank();
        }
        try (XSSFWorkbook book = workbook(exports.get("instructions").get().param("lang", "en"))) {
            Row row = book.getSheetAt(0).getRow(3);
            assertThat(text(row, 10)).isEqualTo("Settled");
        }
        try (XSSFWorkbook book = workbook(exports.get("reconciliation").get().param("lang", "zh_CN"))) {
            assertThat(book.getNumberOfSheets())
                    .as("the summary and the breaks")
                    .isEqualTo(2);
            Cell executed = book.getSheetAt(0).getRow(3).getCell(1);
            assertThat(executed.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(executed.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
        }
        try (XSSFWorkbook book = workbook(exports.get("SQL").get().param("lang", "zh_CN"))) {
            Cell amount = book.getSheetAt(0).getRow(3).getCell(0);
            assertThat(amount.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        }
        try (XSSFWorkbook book = workbook(exports.get("appraisal results").get().param("lang", "zh_CN"))) {
            assertThat(book.getNumberOfSheets())
                    .as("the branches and the people")
                    .isGreaterThanOrEqualTo(2);
        }
        try (XSSFWorkbook book = workbook(exports.get("payroll").get().param("lang", "zh_CN"))) {
            Sheet sheet = book.getSheetAt(0);
            Row total = sheet.getRow(sheet.getLastRowNum());
            assertThat(text(total, 0)).isEqualTo("合计");
            assertThat(total.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        }
        try (XSSFWorkbook book = workbook(exports.get("points finance").get().param("lang", "en"))) {
            assertThat(book.getNumberOfSheets())
                    .as("the movements and the settlement")
                    .isEqualTo(2);
            assertThat(text(book.getSheetAt(0).getRow(3), 0)).doesNotContainPattern(HAN);
        }
    }

    /** The channel pages' exports over a year (September where a page shows a month), with their tables' count. */
    private static Map<String, Integer> channelExports(String orgId, int year) {
        String period = "from=" + year + "-01-01&to=" + year + "-12-31";
        // the page's tables: figures, comparison, and the page's own further tables
        Map<String, Integer> sheets = new LinkedHashMap<>();
        sheets.put("/channels/cards/export?" + period, 3);
        sheets.put("/channels/cards/list/export?org=" + orgId + "&" + period, 1);
        sheets.put("/channels/devices/export?" + period, 4);
        sheets.put("/channels/merchants/export?" + period, 4);
        sheets.put("/channels/village/export?month=" + year + "-09", 2);
        sheets.put("/channels/online/export?year=" + year, 3);
        sheets.put("/channels/online/users/export?kind=PNET&org=" + orgId + "&" + period, 1);
        sheets.put("/channels/substitution/export?year=" + year, 2);
        sheets.put("/channels/targets/export?year=" + year, 2);
        sheets.put("/channels/limits/export?to=" + year + "-09-30", 1);
        sheets.put("/channels/report/export?year=" + year, 3);
        return sheets;
    }

    /** A period the warehouse holds no date of is exported as the page shows it: tables without rows, never a 500. */
    @Test
    void everyChannelExportOfAPeriodWithoutDataIsAWorkbook() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org branch = bank.branch("无数据渠道支行");
        MockHttpSession head =
                TestBank.login(mvc, bank.user(bank.headOffice(), DataScope.ALL, Role.EBANK), TestBank.PASSWORD);
        for (var export : channelExports(branch.orgId(), 1991).entrySet()) {
            try (XSSFWorkbook book = workbook(get(export.getKey()).session(head))) {
                assertThat(book.getNumberOfSheets()).as(export.getKey()).isEqualTo(export.getValue());
            }
        }
    }

    /**
     * The channel pages' exports, as the other pages': each in the user's language (no Chinese in an English
     * workbook's titles, units, sheet names and headers; no Latin word but the terms bank staff write so in a Chinese
     * one), the money unit chosen on the page in its unit line and headers, and every table of the page on its sheet.
     */
    @Test
    void everyChannelExportIsInTheUsersLanguageWithEveryTableOfItsPage() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org branch = bank.branch("导出渠道支行");
        TestBank.Rows.seed(ctx.getBean(Warehouse.class), LocalDate.of(2014, 9, 30), List.<String[]>of(new String[] {
            branch.orgId(), branch.path()
        }));
        MockHttpSession head =
                TestBank.login(mvc, bank.user(bank.headOffice(), DataScope.ALL, Role.EBANK), TestBank.PASSWORD);
        String period = "from=2014-01-01&to=2014-12-31";
        Map<String, Integer> sheets = channelExports(branch.orgId(), 2014);

        List<String> problems = new ArrayList<>();
        for (String unit : List.of("wan", "yuan")) {
            mvc.perform(get("/channels/cards?unit=" + unit).session(head)).andExpect(status().isOk());
            for (var export : sheets.entrySet()) {
                for (String lang : List.of("zh_CN", "en")) {
                    boolean english = lang.equals("en");
                    String where0 = export.getKey() + " " + lang + " " + unit;
                    try (XSSFWorkbook book =
                            workbook(get(export.getKey()).session(head).param("lang", lang))) {
                        if (book.getNumberOfSheets() != export.getValue()) {
                            problems.add(where0 + ": " + book.getNumberOfSheets() + " sheets, the page has "
                                    + export.getValue() + " tables");
                        }
                        for (Sheet sheet : book) {
                            String where = where0 + " " + sheet.getSheetName() + ": ";
                            String title = text(sheet.getRow(0), 0);
                            String periodAndUnit = text(sheet.getRow(1), 0);
                            if (!(english
                                    ? periodAndUnit.startsWith("Period: ") && periodAndUnit.contains("Unit: ")
                                    : periodAndUnit.startsWith("期间：") && periodAndUnit.contains("单位："))) {
                                problems.add(where + "no period and unit: " + periodAndUnit);
                            }
                            List<String> said = new ArrayList<>(List.of(title, periodAndUnit, sheet.getSheetName()));
                            Row headers = sheet.getRow(2);
                            if (headers == null || headers.getLastCellNum() < 1) {
                                problems.add(where + "no headers");
                            } else {
                                for (Cell c : headers) {
                                    said.add(c.getStringCellValue());
                                }
                            }
                            for (String s : said) {
                                // the org's name is the bank's data, in Chinese in either language
                                if (english
                                        && HAN.matcher(s.replace(branch.name(), ""))
                                                .find()) {
                                    problems.add(where + "Chinese in an English workbook: " + s);
                                }
                                if (!english) {
                                    Matcher word = NavigationCrawlTest.LATIN_WORD.matcher(s);
                                    while (word.find()) {
                                        if (!NavigationCrawlTest.LATIN_ON_CHINESE_PAGES.contains(word.group())) {
                                            problems.add(where + "English in a Chinese workbook: " + s);
                                        }
                                    }
                                }
                            }
                            if (!english && !HAN.matcher(title).find()) {
                                problems.add(where + "a title not in Chinese: " + title);
                            }
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();

        mvc.perform(get("/channels/cards?unit=wan").session(head)).andExpect(status().isOk());
        try (XSSFWorkbook book =
                workbook(get("/channels/cards/export?" + period).session(head).param("lang", "en"))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(text(sheet.getRow(1), 0)).contains("money: 10k yuan");
            assertThat(text(sheet.getRow(2), 7)).isEqualTo("Card balance (10k yuan)");
            Row first = sheet.getRow(3);
            assertThat(text(first, 0)).isEqualTo(branch.orgId());
            assertThat(first.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(first.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            Row total = sheet.getRow(sheet.getLastRowNum());
            assertThat(text(total, 1)).isEqualTo("Total");
        }
        try (XSSFWorkbook book =
                workbook(get("/channels/cards/export?" + period).session(head).param("lang", "zh_CN"))) {
            Sheet compared = book.getSheetAt(1);
            assertThat(compared.getSheetName()).isEqualTo("分机构对比与全行排名");
            assertThat(text(compared.getRow(2), 2)).isEqualTo("卡数：本期");
            assertThat(text(compared.getRow(2), 14)).isEqualTo("卡存款余额：本期（万元）");
        }
    }

    private static String text(Row row, int cell) {
        if (row == null || row.getCell(cell) == null) {
            return "";
        }
        Cell c = row.getCell(cell);
        return c.getCellType() == CellType.STRING ? c.getStringCellValue() : c.toString();
    }

    private XSSFWorkbook workbook(RequestBuilder request) throws Exception {
        byte[] xlsx = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }
}
