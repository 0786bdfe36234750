package org.ruralbank.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Role;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Uploading the target-decomposition table through the page: all or nothing, reported by row and column. */
@OnPostgres
class TargetsUploadTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    Targets targets;

    TestBank bank;
    Org branch;
    MockHttpSession planner;

    @BeforeEach
    void setUp() throws Exception {
        bank = new TestBank(ctx);
        branch = bank.branch("任务支行");
        planner = TestBank.login(mvc, bank.user(branch, DataScope.ORG_AND_BELOW, Role.PERF), TestBank.PASSWORD);
    }

    @Test
    void validWorkbookIsSavedWhole() throws Exception {
        upload(2031, TargetWorkbookTest.filled(2031, own(), s -> {}));
        List<Target> saved = targets.of(2031, OrgScope.everything()).stream()
                .filter(t -> t.orgId().equals(branch.orgId()))
                .toList();
        assertThat(saved).hasSize(Indicator.values().length * 4);
        assertThat(saved)
                .contains(new Target(2031, 2, branch.orgId(), Indicator.BALANCE_PER_CARD, new BigDecimal("3500.25")));
        String page = mvc.perform(get("/channels/targets?year=2031").session(planner))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("3,500.25");
    }

    @Test
    void workbookWithOneBadCellSavesNothingAndNamesTheCell() throws Exception {
        upload(2032, TargetWorkbookTest.filled(2032, own(), s -> {}));
        List<Target> before = targets.of(2032, OrgScope.everything());

        byte[] bad = TargetWorkbookTest.filled(2032, own(), s -> {
            s.getRow(3).getCell(TargetWorkbook.column(Indicator.NEW_CARDS, 1)).setCellValue(1);
            s.getRow(3).getCell(TargetWorkbook.column(Indicator.SMS_SIGNUPS, 3)).setCellValue("十个");
        });
        String page = mvc.perform(multipart("/channels/targets/upload")
                        .file(file(bad))
                        .param("year", "2032")
                        .session(planner)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("第4行 U列（新增短信签约 第3季度） &#39;十个&#39;：不是数字");
        assertThat(targets.of(2032, OrgScope.everything())).isEqualTo(before);
    }

    @Test
    void templateListsTheBranchesInScope() throws Exception {
        byte[] xlsx = mvc.perform(get("/channels/targets/template?year=2033").session(planner))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        TargetWorkbook.Parsed parsed =
                TargetWorkbook.read(new java.io.ByteArrayInputStream(xlsx), 2033, java.util.Set.of(branch.orgId()));
        // the empty template names the branch and asks for every cell
        assertThat(parsed.problems())
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.reason()).contains("不能为空"));
    }

    @Test
    void aWorkbookOfTwoHundredThousandBadRowsGetsASmallPage() throws Exception {
        byte[] huge = TargetWorkbookTest.badRows(2034, 200_000);
        String page = mvc.perform(multipart("/channels/targets/upload")
                        .file(file(huge))
                        .param("year", "2034")
                        .session(planner)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        System.out.printf(
                "200,000 bad rows (%d KB) answered with a page of %d KB%n", huge.length / 1024, page.length() / 1024);
        assertThat(page).contains("另有 901 处问题未列出").contains("表格超过 1000 行");
        assertThat(page.length()).as("the page lists 100 problems, not 200,000").isLessThan(100_000);
    }

    @Test
    void aMacroEnabledWorkbookIsRefusedWithAClearMessage() throws Exception {
        byte[] valid = TargetWorkbookTest.filled(2035, own(), s -> {});
        String page = mvc.perform(multipart("/channels/targets/upload")
                        .file(new MockMultipartFile(
                                "file", "targets.xlsm", "application/vnd.ms-excel.sheet.macroEnabled.12", valid))
                        .param("year", "2035")
                        .session(planner)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("含宏的工作簿（.xlsm 等）或旧版 .xls 文件不予接收");
        assertThat(targets.of(2035, OrgScope.everything())).isEmpty();
    }

    private List<TargetWorkbook.Branch> own() {
        return List.of(new TargetWorkbook.Branch(branch.orgId(), branch.name()));
    }

    private void upload(int year, byte[] workbook) throws Exception {
        mvc.perform(multipart("/channels/targets/upload")
                        .file(file(workbook))
                        .param("year", String.valueOf(year))
                        .session(planner)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aFileThatIsNoWorkbookIsSaidSoInOneSentenceNamingTheFile() throws Exception {
        MockMultipartFile pdf =
                new MockMultipartFile("file", "计划.pdf", "application/pdf", "%PDF-1.4 not a workbook".getBytes());
        for (String[] lang : new String[][] {
            {"zh_CN", "文件“计划.pdf”不是 Excel 工作簿（.xlsx），未保存任何数据"},
            {"en", "The file \"计划.pdf\" is not an Excel workbook (.xlsx); nothing was saved."}
        }) {
            String page = mvc.perform(multipart("/channels/targets/upload?lang=" + lang[0])
                            .file(pdf)
                            .param("year", "2033")
                            .session(planner)
                            .with(csrf()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page)
                    .contains("id=\"not-workbook\"")
                    .contains(lang[1].replace("\"", "&quot;"))
                    .doesNotContain("upload-problems", "A列", "Exception");
        }
        assertThat(targets.of(2033, OrgScope.everything()).stream()
                        .filter(t -> t.orgId().equals(branch.orgId())))
                .isEmpty();
    }

    private static MockMultipartFile file(byte[] bytes) {
        return new MockMultipartFile("file", "targets.xlsx", "application/octet-stream", bytes);
    }
}
