package org.ruralbank.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ruralbank.cli.UsersCommandTest.run;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.ruralbank.samplebank.SampleBank;
import org.ruralbank.testing.TestStores;

/**
 * A generated bank's own target workbook goes in through {@code ruralbank targets} and comes out as the plan of the
 * annual report; a spoiled copy is refused whole, naming the cell.
 */
class TargetsCommandTest {

    @Test
    void theGeneratedWorkbookBecomesTheReportsPlanAndABadCellIsNamed() throws Exception {
        Path home = TestStores.tempHome();
        Path inbox = home.resolve("inbox");
        assertThat(run(
                                "generate",
                                "--profile",
                                "small",
                                "--start",
                                "2025-01-01",
                                "--days",
                                "1",
                                "--out",
                                inbox.toString())
                        .status())
                .isZero();
        assertThat(run("--home", home.toString(), "load").status()).isZero();
        Path workbook = SampleBank.targetWorkbook(inbox, 2025);

        Path spoiled = home.resolve("spoiled.xlsx");
        try (InputStream in = Files.newInputStream(workbook);
                Workbook book = WorkbookFactory.create(in);
                OutputStream out = Files.newOutputStream(spoiled)) {
            // row 4 is the first branch, column C its first-quarter new cards
            book.getSheetAt(0).getRow(3).getCell(2).setCellValue("很多");
            book.write(out);
        }
        UsersCommandTest.Result refused =
                run("--home", home.toString(), "targets", "--year", "2025", spoiled.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("was not saved").contains("第4行 C列").contains("很多");

        UsersCommandTest.Result saved =
                run("--home", home.toString(), "targets", "--year", "2025", workbook.toString());
        assertThat(saved.status()).as(saved.err()).isZero();
        assertThat(saved.out()).contains("saved 240 targets of 2025");

        UsersCommandTest.Result report =
                run("--home", home.toString(), "report", "annual", "--year", "2025", "--format", "json");
        // 1/100 of the brief's plan: 40,026 / 80.05% = 50,001, so 500 at the small profile's scale
        assertThat(report.out()).contains("\"cards.plan\": 500");
    }
}
