package org.ruralbank.appraisal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The claims, dispute and FTP pages as their users work them, in Chinese and English: customer managers claim, a
 * conflicting claim goes to a dispute the branch head settles, shares over 100% and a curve with a gap are refused
 * with a message naming the field.
 */
@OnPostgres
class ClaimPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    Claims claims;

    @Autowired
    FtpCurves curves;

    @Test
    void managersClaimAConflictGoesToADisputeTheBranchHeadSettles() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org branch = bank.branch("认领支行");
        TestBank.Rows.seed(ctx.getBean(Warehouse.class), LocalDate.of(2025, 6, 30), List.<String[]>of(new String[] {
            branch.orgId(), branch.path()
        }));
        String account = "A" + branch.orgId();
        MockHttpSession cm1 =
                TestBank.login(mvc, bank.user(branch, DataScope.ORG_AND_BELOW, Role.CM), TestBank.PASSWORD);
        MockHttpSession cm2 =
                TestBank.login(mvc, bank.user(branch, DataScope.ORG_AND_BELOW, Role.CM), TestBank.PASSWORD);
        MockHttpSession head =
                TestBank.login(mvc, bank.user(branch, DataScope.ORG_AND_BELOW, Role.BRANCH_HEAD), TestBank.PASSWORD);

        mvc.perform(claim(cm1, account, "S1", "60")).andExpect(status().is3xxRedirection());
        String refused = mvc.perform(claim(cm1, account, "S1", "150"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("份额 150% 不对").contains("data-field=\"share\"");
        mvc.perform(claim(cm2, account, "S2", "50")).andExpect(status().is3xxRedirection());

        Claim first = claims.history(CreditKind.DEPOSIT, account, org.ruralbank.platform.OrgScope.everything())
                .get(1);
        assertThat(first.status()).isEqualTo("DISPUTED");
        long dispute = first.disputeId();
        Claim second = claims.history(CreditKind.DEPOSIT, account, org.ruralbank.platform.OrgScope.everything())
                .get(0);
        String page = mvc.perform(get("/appraisal/disputes/" + dispute).session(head))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("待裁定").contains("S1").contains("S2");
        String en = mvc.perform(
                        get("/appraisal/disputes/" + dispute + "?lang=en").session(head))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(en).contains("Settle").doesNotContain("待裁定");

        // 70% + 50% is refused whole; 60% + 40% settles it
        String over = mvc.perform(post("/appraisal/disputes/" + dispute + "/settle")
                        .session(head)
                        .with(csrf())
                        .param("share_" + first.claimId(), "70")
                        .param("share_" + second.claimId(), "50")
                        .param("effective", "2025-07-01"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(over).contains("超过 100%");
        mvc.perform(post("/appraisal/disputes/" + dispute + "/settle")
                        .session(head)
                        .with(csrf())
                        .param("share_" + first.claimId(), "60")
                        .param("share_" + second.claimId(), "40")
                        .param("effective", "2025-07-01"))
                .andExpect(status().is3xxRedirection());
        assertThat(claims.history(CreditKind.DEPOSIT, account, org.ruralbank.platform.OrgScope.everything()))
                .extracting(
                        c -> c.staffId() + " " + c.share().stripTrailingZeros().toPlainString() + " " + c.status())
                .containsExactly("S2 0.4 APPROVED", "S1 0.6 APPROVED");

        String history = mvc.perform(get("/appraisal/claims/object?kind=DEPOSIT&id=" + account)
                        .session(cm1))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(history).contains("认领历史").contains("60.0000").contains("40.0000");
        String list = mvc.perform(get("/appraisal/claims?lang=en").session(cm1))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("Credit claims").contains("approved").doesNotContain("已批准");
    }

    @Test
    void aCurveFileUploadedOnThePageIsImportedWholeOrRefusedNamingLineAndField() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org branch = bank.branch("导入支行");
        MockHttpSession perf = TestBank.login(mvc, bank.user(branch, DataScope.ALL, Role.PERF), TestBank.PASSWORD);
        // the second curve lacks 3M and has a rate that is not a number: nothing of the file is saved
        String bad = "date,term,rate\n" + TestBank.curveRows("2098-01-31")
                + TestBank.curveRows("2098-02-28")
                        .replace("2098-02-28,3M,0.017\n", "")
                        .replace("0.026", "abc");
        String zh = mvc.perform(multipart("/appraisal/ftp/import")
                        .file(TestBank.curveUpload("curves.csv", bad))
                        .session(perf)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(zh)
                .contains("文件“curves.csv”未导入")
                .contains("第 16 行 rate：")
                .contains("“abc”不是利率")
                .contains("缺 3M");
        assertThat(curves.curves()).noneMatch(c -> c.curveDate().getYear() == 2098);
        String en = mvc.perform(multipart("/appraisal/ftp/import")
                        .file(TestBank.curveUpload("curves.csv", bad))
                        .param("lang", "en")
                        .session(perf)
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(en).contains("curves.csv&quot; was not imported").contains("line 16, rate: ");

        mvc.perform(multipart("/appraisal/ftp/import")
                        .file(TestBank.curveUpload("2098-01-31"))
                        .session(perf)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(curves.inForce(LocalDate.of(2098, 1, 31)).orElseThrow().curveDate())
                .isEqualTo(LocalDate.of(2098, 1, 31));
    }

    @Test
    void aCurveWithAGapIsRefusedNamingTheTermInTheUsersLanguage() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org branch = bank.branch("曲线支行");
        MockHttpSession perf = TestBank.login(mvc, bank.user(branch, DataScope.ALL, Role.PERF), TestBank.PASSWORD);
        MockHttpServletRequestBuilder form =
                post("/appraisal/ftp/propose").session(perf).with(csrf()).param("curveDate", "2099-12-31");
        for (String t : FtpCurves.TERMS.keySet()) {
            if (!t.equals("3M")) {
                form = form.param(t, t.equals("1Y") ? "-0.02" : "0.02");
            }
        }
        String zh = mvc.perform(form)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(zh)
                .contains("data-field=\"3M\"")
                .contains("利率缺失（曲线有缺口）")
                .contains("data-field=\"1Y\"")
                .contains("“-0.02”为负数");
        String en = mvc.perform(form.param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(en).contains("The rate is missing (a gap in the curve).").doesNotContain("利率缺失");
        assertThat(ctx.getBean(FtpCurves.class).proposals())
                .noneMatch(p -> p.curveDate().equals(LocalDate.of(2099, 12, 31)));
    }

    private static MockHttpServletRequestBuilder claim(
            MockHttpSession session, String account, String staff, String share) {
        return post("/appraisal/claims")
                .session(session)
                .with(csrf())
                .param("kind", "DEPOSIT")
                .param("objectId", account)
                .param("staffId", staff)
                .param("share", share)
                .param("validFrom", "2025-01-01");
    }
}
