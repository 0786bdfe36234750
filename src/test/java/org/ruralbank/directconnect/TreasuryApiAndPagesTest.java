package org.ruralbank.directconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.ruralbank.directconnect.RequestSigning.Algorithm;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The treasury API's refusals of bad requests (problem details, never a 500) and the staff's reconciliation page
 * and its Excel export, in Chinese and in English.
 */
@OnPostgres
class TreasuryApiAndPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    BusinessCalendar calendar;

    @Test
    void badTreasuryRequestsAreProblemsNeverErrors() throws Exception {
        TreasuryFixture t = new TreasuryFixture(ctx, "1000");
        var key = t.f.key(t.bureau, Algorithm.ECDSA_P256_SHA256);
        int year = calendar.today().getYear();
        // no load id
        problem(
                mvc.perform(post("/api/dc/v1/treasury/quotas")
                        .contentType("text/csv")
                        .content(TreasuryFixture.csv(year + ",101001,区教育局,30201,办公费,1"))
                        .with(key.signed())),
                400,
                "bad-request");
        // a spreadsheet is not the documented CSV (the problem body of a 415 is the partner API's own matter)
        mvc.perform(post("/api/dc/v1/treasury/quotas")
                        .header("Idempotency-Key", "q1")
                        .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        .content(new byte[] {1, 2})
                        .with(key.signed()))
                .andExpect(status().is(415));
        // not JSON of the documented shape
        problem(
                mvc.perform(DirectConnectFixture.postJson("/api/dc/v1/treasury/payments", "{\"amount\":")
                        .header("Idempotency-Key", "p1")
                        .with(key.signed())),
                400,
                "malformed");
        problem(
                mvc.perform(DirectConnectFixture.postJson("/api/dc/v1/treasury/refunds", "{\"amount\":\"1\"}")
                        .header("Idempotency-Key", "r1")
                        .with(key.signed())),
                400,
                "bad-request");
        problem(
                mvc.perform(get("/api/dc/v1/treasury/reconciliation?date=2026-13-01")
                        .with(key.signed())),
                400,
                "bad-request");
        problem(mvc.perform(get("/api/dc/v1/treasury/payments/none").with(key.signed())), 404, "not-found");
        // a bad quota file is a 422 answer naming line and field
        String refused = mvc.perform(post("/api/dc/v1/treasury/quotas")
                        .header("Idempotency-Key", "q1")
                        .contentType("text/csv")
                        .content(TreasuryFixture.csv(year + ",101001,区教育局,30201,办公费,1.234"))
                        .with(key.signed()))
                .andExpect(status().is(422))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("\"line\":2", "\"field\":\"quota_yuan\"");
        // an amount that is no amount is refused by the payment rules, with nothing taken
        mvc.perform(post("/api/dc/v1/treasury/quotas")
                        .header("Idempotency-Key", "q2")
                        .contentType("text/csv")
                        .content(TreasuryFixture.csv(year + ",101001,区教育局,30201,办公费,100"))
                        .with(key.signed()))
                .andExpect(status().isCreated());
        String weird = mvc.perform(DirectConnectFixture.postJson(
                                "/api/dc/v1/treasury/payments",
                                "{\"budgetUnit\":"
                                        + "\"101001\",\"economicCode\":\"30201\",\"debitAccount\":\"" + t.account
                                        + "\",\"payeeAccount\":\""
                                        + t.account + "x\",\"payeeName\":\"x\",\"amount\":\"NaN\"}")
                        .header("Idempotency-Key", "p2")
                        .with(key.signed()))
                .andExpect(status().is(422))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(weird).contains("\"outcome\":\"PAYMENT_REFUSED\"", "AM12");
    }

    @Test
    void staffSeeTheBureausReconciliationAndExportIt() throws Exception {
        TreasuryFixture t = new TreasuryFixture(ctx, "100000");
        String payee = t.f.account(t.f.enterprise("维修公司"), "0");
        LocalDate today = calendar.today();
        var treasury = ctx.getBean(org.ruralbank.directconnect.internal.Treasury.class);
        treasury.load(
                t.bureau, "q1", TreasuryFixture.csv(today.getYear() + ",101001,区教育局,30213,维修（护）费," + "3000.00"), today);
        treasury.pay(new TreasuryPayments.Payment(
                t.bureau,
                "p1",
                today.getYear(),
                "101001",
                "30213",
                t.account,
                payee,
                "维修公司",
                null,
                "1234.50",
                "校舍维修",
                today));
        MockHttpSession staff =
                TestBank.login(mvc, t.f.bank.user(t.f.branch, DataScope.ORG_AND_BELOW, Role.EBANK), TestBank.PASSWORD);
        String page = mvc.perform(
                        get("/directconnect/treasury?enterprise=" + t.bureau).session(staff))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "国库集中支付对账",
                        today.getYear() + "年度指标",
                        "区教育局",
                        "维修（护）费",
                        "3,000.00",
                        "1,234.50",
                        "1,765.50",
                        "校舍维修",
                        "已入账")
                .doesNotContain("Treasury reconciliation", "Remaining");
        String english = mvc.perform(get("/directconnect/treasury?lang=en&enterprise=" + t.bureau)
                        .session(staff))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(english).contains("Treasury reconciliation", "Remaining (yuan)", "1,765.50");
        byte[] xlsx = mvc.perform(get("/directconnect/treasury/export?enterprise=" + t.bureau)
                        .session(staff))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains(t.bureau);
            assertThat(sheet.getRow(2).getCell(8).getStringCellValue()).isEqualTo("可用额度（元）");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("101001");
            assertThat(sheet.getRow(3).getCell(4).getNumericCellValue()).isEqualTo(3000.00);
            assertThat(sheet.getRow(3).getCell(8).getNumericCellValue()).isEqualTo(1765.50);
            assertThat(book.getSheetAt(1).getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo("类型");
        }
    }

    private static void problem(org.springframework.test.web.servlet.ResultActions r, int status, String type)
            throws Exception {
        String body = r.andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("urn:ruralbank:dc:problem:" + type);
    }
}
