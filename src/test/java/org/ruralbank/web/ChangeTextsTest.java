package org.ruralbank.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ruralbank.directconnect.DirectConnectFixture;
import org.ruralbank.directconnect.Onboarding;
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

/**
 * A direct-connection change of every kind, what approving it did and why one could not apply, read on the changes
 * and enterprise pages in Chinese and in English as the crawler reads a page: each in the page's language, the
 * change's own data (ids, names, addresses) apart. A change stored before summaries and outcomes were texts reads
 * the same.
 */
@OnPostgres
class ChangeTextsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    JdbcClient db;

    @Test
    void everyKindOfChangeAndWhatBecameOfItIsWrittenInThePagesLanguage() throws Exception {
        DirectConnectFixture f = new DirectConnectFixture(ctx);
        String ent = f.enterprise("语言企业");
        String parent = f.account(ent, "12345.6");
        String member = f.account(ent, "0");
        String third = f.account(ent, "0");
        f.grant(ent, parent, true, true, true);
        f.apply(
                Onboarding.Kind.GRANT,
                Map.of("enterpriseId", ent, "accountNo", member, "view", "true", "dailyLimit", "80000"));
        var key = f.key(ent, Algorithm.ECDSA_P256_SHA256);
        f.apply(Onboarding.Kind.REVOKE_KEY, Map.of("enterpriseId", ent, "keyId", key.keyId()));
        f.limits(ent, "1000000", "3000000");
        f.apply(Onboarding.Kind.WEBHOOK, Map.of("enterpriseId", ent, "url", "https://erp.example.com/hook"));
        Onboarding.Change pool = f.apply(
                Onboarding.Kind.POOL,
                Map.of(
                        "enterpriseId",
                        ent,
                        "poolId",
                        f.bank.uniqueId("P"),
                        "parentAccount",
                        parent,
                        "members",
                        member + ":TARGET:5000;" + third + ":THRESHOLD:200"));
        assertThat(pool.status()).isEqualTo("APPROVED");
        f.apply(Onboarding.Kind.STATUS, Map.of("enterpriseId", ent, "status", "SUSPENDED"));
        // one the store refuses when applied, one a checker turns down with a reason, one pending
        Onboarding.Change refused = f.apply(
                Onboarding.Kind.POOL,
                Map.of(
                        "enterpriseId",
                        ent,
                        "poolId",
                        f.bank.uniqueId("P"),
                        "parentAccount",
                        "NOSUCH0001",
                        "members",
                        member + ":ZERO"));
        assertThat(refused.status()).isEqualTo("REJECTED");
        f.onboarding.reject(
                f.onboarding.propose(
                        Onboarding.Kind.LIMIT.change(
                                Map.of("enterpriseId", ent, "perTxnLimit", "10", "dailyLimit", "20")),
                        f.maker),
                "额度过低",
                f.checker);
        f.onboarding.propose(
                Onboarding.Kind.ACCOUNT.change(Map.of(
                        "enterpriseId",
                        ent,
                        "accountNo",
                        f.bank.uniqueId("62"),
                        "openingBalance",
                        "2000",
                        "accountName",
                        "待批户")),
                f.maker);
        // a change approved before summaries and outcomes were texts: English words in both columns
        String legacyAccount = f.bank.uniqueId("62");
        db.sql("""
                insert into dc_change (enterprise_id, org_path, kind, payload, summary, needs_head_office, status,
                                       maker, made_at, checker, checked_at, outcome)
                values (:e, :path, 'ACCOUNT', :payload, :summary, false, 'APPROVED', 'old.maker', :at, 'old.checker',
                        :at, :outcome)
                """)
                .param("e", ent)
                .param("path", f.branch.path())
                .param(
                        "payload",
                        "accountKind=CUSTOMER\naccountName=旧户\naccountNo=" + legacyAccount + "\nenterpriseId=" + ent
                                + "\nopeningBalance=5000.00\nopeningAsOf=2025-06-30")
                .param("summary", "account " + legacyAccount + " 旧户 opening 5000.00")
                .param("at", OffsetDateTime.now())
                .param("outcome", "account opened with 5000.00 yuan")
                .update();

        MockHttpSession checker = TestBank.login(
                mvc, f.bank.user(f.branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD), TestBank.PASSWORD);
        Map<String, String> pages = new LinkedHashMap<>();
        for (String s : List.of("APPROVED", "REJECTED", "PENDING")) {
            pages.put(s, "/directconnect/changes?status=" + s + "&enterprise=" + ent);
        }
        pages.put("enterprise", "/directconnect/enterprises/" + ent);
        List<String> problems = new ArrayList<>();
        Map<String, String> zh = new LinkedHashMap<>();
        Map<String, String> en = new LinkedHashMap<>();
        for (var page : pages.entrySet()) {
            for (String lang : List.of("zh_CN", "en")) {
                String html = mvc.perform(
                                get(page.getValue()).param("lang", lang).session(checker))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                (lang.equals("en") ? en : zh).put(page.getKey(), html);
                problems.addAll(NavigationCrawlTest.readAsAUser(lang + " " + page.getKey(), html, lang.equals("en")));
            }
        }
        assertThat(problems).isEmpty();

        assertThat(zh.get("APPROVED"))
                .contains(
                        "企业 <span translate=\"no\">" + ent + "</span>「<span translate=\"no\">语言企业</span>」，企业",
                        "已开立账户，期初余额 12,345.60 元",
                        "单笔限额 1,000,000.00 元，日累计限额 3,000,000.00 元",
                        "查询、支付、归集",
                        "单笔限额 按企业限额，日累计限额 80,000.00",
                        "目标余额 5,000.00 元",
                        "超过 200.00 元归集",
                        "通知地址已登记；签名密钥（请交给企业）：",
                        "直连状态改为已暂停",
                        // the change stored as English words reads in the page's language too
                        "已开立账户，期初余额 5,000.00 元");
        assertThat(en.get("APPROVED"))
                .contains(
                        "Account opened with 12,345.60 yuan",
                        "Limits: 1,000,000.00 yuan per transaction, 3,000,000.00 yuan per day",
                        "view, pay, sweep",
                        "Set the direct connection to Suspended",
                        "Account opened with 5,000.00 yuan")
                .doesNotContain("account opened with", "grant set", "limits set");
        assertThat(zh.get("REJECTED")).contains("无法生效，已驳回：", "<span translate=\"no\">额度过低</span>");
        assertThat(en.get("REJECTED")).contains("could not be applied, rejected:");
        assertThat(zh.get("PENDING")).contains("期初余额 2,000.00 元");
        assertThat(en.get("enterprise")).contains("Revoke key", "Cash pool", "Target balance", "Revoked");
    }
}
