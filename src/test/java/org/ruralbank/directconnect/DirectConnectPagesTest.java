package org.ruralbank.directconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.ruralbank.directconnect.RequestSigning.Algorithm;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** An enterprise onboarded through the pages by a maker and a checker, then seen in the monitor. */
@OnPostgres
class DirectConnectPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    JdbcClient db;

    @Test
    void makerProposesCheckerApprovesAndTheMonitorShowsTheHistory() throws Exception {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        MockHttpSession maker =
                TestBank.login(mvc, f.bank.user(f.branch, DataScope.ORG_AND_BELOW, Role.EBANK), TestBank.PASSWORD);
        MockHttpSession checker = TestBank.login(
                mvc, f.bank.user(f.branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD), TestBank.PASSWORD);
        String ent = f.bank.uniqueId("W");
        mvc.perform(get("/directconnect/enterprises/new").session(maker)).andExpect(status().isOk());
        propose(
                maker,
                "kind",
                "ENTERPRISE",
                "enterpriseId",
                ent,
                "name",
                "页面企业",
                "enterpriseKind",
                "GROUP",
                "orgId",
                f.branch.orgId());
        // the maker cannot approve their own proposal
        mvc.perform(post("/directconnect/changes/" + lastChange(ent) + "/approve")
                        .session(maker)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(db.sql("select count(*) from dc_enterprise where enterprise_id = :e")
                        .param("e", ent)
                        .query(Long.class)
                        .single())
                .isZero();
        approve(checker, ent);
        String account = f.bank.uniqueId("62");
        propose(
                maker,
                "kind",
                "ACCOUNT",
                "enterpriseId",
                ent,
                "accountNo",
                account,
                "accountName",
                "基本户",
                "openingBalance",
                "5000",
                "accountKind",
                "CUSTOMER");
        String pending = mvc.perform(get("/directconnect/changes").session(checker))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(pending).contains(account);
        approve(checker, ent);
        String payee = f.account(ent, "0");
        var key = f.key(ent, Algorithm.ECDSA_P256_SHA256);
        mvc.perform(DirectConnectFixture.postJson(
                                "/api/dc/v1/payments",
                                "{\"debitAccount\":\"" + account + "\",\"creditAccount\":\"" + payee
                                        + "\",\"amount\":\"88.80\"}")
                        .header("Idempotency-Key", "pg-1")
                        .with(key.signed()))
                .andExpect(status().isCreated());

        String page = mvc.perform(get("/directconnect/enterprises/" + ent).session(checker))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(account, "4,911.20", key.keyId());
        String monitor = mvc.perform(
                        get("/directconnect/instructions?enterprise=" + ent).session(checker))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(monitor).contains("88.80", "JSON:pg-1", "/directconnect/instructions/export?enterprise=" + ent);
        // the export carries the monitor's filters: this enterprise's one instruction, the amount as a number
        var xlsx = mvc.perform(get("/directconnect/instructions/export?enterprise=" + ent)
                        .session(checker))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(xlsx.getContentType()).isEqualTo(org.ruralbank.platform.Spreadsheets.CONTENT_TYPE);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            var sheet = book.getSheetAt(0);
            // under the title and the line with the period and the unit
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("指令监控");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("单位：元");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("指令标识");
            var row = sheet.getRow(3);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(ent);
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("JSON:pg-1");
            assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(88.80);
            assertThat(row.getCell(10).getStringCellValue()).isEqualTo("已入账");
        }
        var none = mvc.perform(get("/directconnect/instructions/export?enterprise=" + ent + "&status=RJCT")
                        .session(checker))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(none))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(2);
        }
        long id = db.sql("select instruction_id from dc_instruction where enterprise_id = :e")
                .param("e", ent)
                .query(Long.class)
                .single();
        String history = mvc.perform(get("/directconnect/instructions/" + id).session(checker))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(history).contains("已接收", "已入账", "记账，交易号", "PAY-" + id).doesNotContain("posted as");
        String reconciliation = mvc.perform(get("/directconnect/reconciliation").session(checker))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(reconciliation).contains("无差错");
        mvc.perform(get("/directconnect/enterprises?kw=" + ent).session(checker))
                .andExpect(status().isOk());
    }

    @Test
    void theReconciliationOpensOnTheLastBusinessDateTheLedgerExecutedNotOnTheWallClocksDate() throws Exception {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        MockHttpSession checker = TestBank.login(
                mvc, f.bank.user(f.branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD), TestBank.PASSWORD);
        String ent = f.enterprise("对账日企业");
        String payer = f.account(ent, "100");
        String payee = f.account(ent, "0");
        var key = f.key(ent, Algorithm.ECDSA_P256_SHA256);
        mvc.perform(DirectConnectFixture.postJson(
                                "/api/dc/v1/payments",
                                "{\"debitAccount\":\"" + payer + "\",\"creditAccount\":\"" + payee
                                        + "\",\"amount\":\"12.00\"}")
                        .header("Idempotency-Key", "eod-1")
                        .with(key.signed()))
                .andExpect(status().isCreated());
        // as if booked on the last business date of the bank's data, long before the wall clock's date
        for (String table : new String[] {"dc_instruction", "dc_transfer"}) {
            db.sql("update " + table + " set business_date = date '2025-12-31' where business_date = :today"
                            + " and (debit_account = :a or credit_account = :a)")
                    .param("today", ctx.getBean(BusinessCalendar.class).today())
                    .param("a", payer)
                    .update();
        }
        String page = mvc.perform(get("/directconnect/reconciliation").session(checker))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("value=\"2025-12-31\"", "2025-12-31：已执行指令 1 笔");
    }

    @Test
    void theMonitorSaysWhatARefusalsCodeMeansInThePagesLanguage() throws Exception {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        MockHttpSession checker = TestBank.login(
                mvc, f.bank.user(f.branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD), TestBank.PASSWORD);
        String ent = f.enterprise("拒绝企业");
        String payer = f.account(ent, "10");
        String payee = f.account(ent, "0");
        var key = f.key(ent, Algorithm.ECDSA_P256_SHA256);
        mvc.perform(DirectConnectFixture.postJson(
                                "/api/dc/v1/payments",
                                "{\"debitAccount\":\"" + payer + "\",\"creditAccount\":\"" + payee
                                        + "\",\"amount\":\"20.00\"}")
                        .header("Idempotency-Key", "nf-1")
                        .with(key.signed()))
                .andExpect(status().isUnprocessableEntity());
        long id = db.sql("select instruction_id from dc_instruction where enterprise_id = :e")
                .param("e", ent)
                .query(Long.class)
                .single();
        String zh = mvc.perform(get("/directconnect/instructions/" + id).session(checker))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the API's words are English: a Chinese page says the reason's meaning with the words' data
        assertThat(zh)
                .contains("AM04 余额不足 · " + payer + "</dd>")
                .contains("<span>余额不足</span>")
                .doesNotContain("insufficient funds");
        assertThat(mvc.perform(get("/directconnect/instructions/" + id + "?lang=en")
                                .session(checker))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("AM04 Insufficient funds · insufficient funds on " + payer);
        assertThat(mvc.perform(get("/directconnect/instructions?enterprise=" + ent + "&lang=en")
                                .session(checker))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("title=\"Insufficient funds · insufficient funds on " + payer + "\"");
    }

    @Test
    void rejectedProposalsShowTheirReason() throws Exception {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        MockHttpSession maker =
                TestBank.login(mvc, f.bank.user(f.branch, DataScope.ORG_AND_BELOW, Role.EBANK), TestBank.PASSWORD);
        String ent = f.enterprise("限额企业");
        String target = mvc.perform(post("/directconnect/changes")
                        .session(maker)
                        .with(csrf())
                        .param("kind", "LIMIT")
                        .param("enterpriseId", ent)
                        .param("perTxnLimit", "30000000")
                        .param("dailyLimit", "40000000"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String page = mvc.perform(get(target)
                        .session(maker)
                        .flashAttr(
                                "error",
                                new org.ruralbank.platform.Rejected("perTxnLimit", "dc.rejected.aboveCeiling")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("总行上限");
        assertThat(f.onboarding
                        .changes(org.ruralbank.platform.OrgScope.everything(), "PENDING", ent, 1, 10)
                        .total())
                .isZero();
    }

    private void propose(MockHttpSession session, String... pairs) throws Exception {
        var request = post("/directconnect/changes").session(session).with(csrf());
        for (int i = 0; i < pairs.length; i += 2) {
            request.param(pairs[i], pairs[i + 1]);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    private void approve(MockHttpSession checker, String ent) throws Exception {
        mvc.perform(post("/directconnect/changes/" + lastChange(ent) + "/approve")
                        .session(checker)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(db.sql("select status from dc_change where change_id = :c")
                        .param("c", lastChange(ent))
                        .query(String.class)
                        .single())
                .isEqualTo("APPROVED");
    }

    private long lastChange(String ent) {
        return db.sql("select max(change_id) from dc_change where enterprise_id = :e")
                .param("e", ent)
                .query(Long.class)
                .single();
    }
}
