package org.ruralbank.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryCheckTest {

    @TempDir
    Path inbox;

    private static final LocalDate D1 = LocalDate.of(2025, 1, 1);
    private static final LocalDate D2 = LocalDate.of(2025, 1, 2);

    @Test
    void passesAConformingInboxWithContinuousBalances() throws IOException {
        write(D1, 10000, 0, true);
        write(D2, 12500, 2500, true);
        DeliveryCheck.Report report = DeliveryCheck.check(inbox);
        assertThat(report.problems()).isEmpty();
        assertThat(report.folders()).isEqualTo(2);
        assertThat(DeliveryCheck.check(inbox.resolve("20250102")).conforms()).isTrue();
    }

    @Test
    void reportsABalanceThatDoesNotFollow() throws IOException {
        write(D1, 10000, 0, true);
        write(D2, 12600, 2500, true);
        assertThat(DeliveryCheck.check(inbox).problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("BALANCE");
            assertThat(p.message())
                    .contains("20250102/CORE_DEPOSIT_ACCT.20250102.dat line 1 field BALANCE")
                    .contains("gives 125.00");
        });
    }

    @Test
    void reportsAFolderWithoutReadyAndAMissingDate() throws IOException {
        write(D1, 10000, 0, false);
        write(D1.plusDays(2), 10000, 0, true);
        assertThat(DeliveryCheck.check(inbox).problems())
                .extracting(DeliveryProblem::message)
                .containsExactly(
                        "20250101: the folder has no READY, so it is incomplete and must not be read.",
                        "20250102: the date folder is missing between 20250101 and 20250103, but dates must be delivered"
                                + " every calendar day.");
    }

    @Test
    void reportsWrongCheckValues() throws IOException {
        write(D1, 10000, 0, true);
        Path chk = inbox.resolve("20250101/CORE_ORG.20250101.chk");
        String text = Files.readString(chk).replace("rows=1", "rows=2");
        Files.writeString(chk, text, StandardCharsets.UTF_8);
        assertThat(DeliveryCheck.check(inbox).problems())
                .singleElement()
                .extracting(DeliveryProblem::message)
                .isEqualTo("20250101/CORE_ORG.20250101.chk: rows=2 but the data file holds 1 records.");
    }

    @Test
    void reportsALowerCaseCodeValue() throws Exception {
        write(D1, 10000, 0, true);
        Path data = inbox.resolve("20250101/CORE_ORG.20250101.dat");
        byte[] bytes = Files.readAllBytes(data);
        String text = new String(bytes, TableMeta.GBK).replace("|U|", "|u|");
        Files.write(data, text.getBytes(TableMeta.GBK));
        Path chk = inbox.resolve("20250101/CORE_ORG.20250101.chk");
        CheckValues old = CheckValues.read(chk);
        String md5 = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("MD5").digest(Files.readAllBytes(data)));
        Files.writeString(chk, new CheckValues(old.rows(), old.bytes(), md5).render());
        assertThat(DeliveryCheck.check(inbox).problems())
                .singleElement()
                .extracting(DeliveryProblem::message)
                .isEqualTo("20250101/CORE_ORG.20250101.dat line 1 field AREA_CLASS: the code value 'u' is not"
                        + " upper-case ASCII.");
    }

    @Test
    void reportsMetadataThatIsNotUtf8() throws IOException {
        write(D1, 10000, 0, true);
        Files.write(inbox.resolve("20250101/CORE_ORG.20250101.meta"), "description=机构".getBytes(TableMeta.GBK));
        assertThat(DeliveryCheck.check(inbox).problems())
                .extracting(DeliveryProblem::message)
                .contains("20250101/CORE_ORG.20250101.meta: is not valid metadata (it is not UTF-8 text).");
    }

    /** Writes every table, empty except CORE_ORG, one account and one credit of {@code credit} fen. */
    private void write(LocalDate date, long balance, long credit, boolean ready) throws IOException {
        DeliveryWriter w = new DeliveryWriter(inbox, date);
        for (DeliveryTable t : DeliveryTables.all()) {
            boolean fixed = t.system().equals("FIN");
            TableMeta meta = new TableMeta(
                    t.name(),
                    t.system(),
                    date,
                    t.loadMode(),
                    fixed ? RecordFormat.FIXED : RecordFormat.DELIMITED,
                    TableMeta.GBK,
                    fixed ? new byte[0] : new byte[] {0x7C},
                    false,
                    fixed ? t.fixedRecordLength() : 0,
                    t.description(),
                    t.columns());
            try (TableWriter tw = w.open(meta, t.name().startsWith("CORE_DEPOSIT"), false)) {
                switch (t.name()) {
                    case "CORE_ORG" -> {
                        tw.add("001")
                                .add("总行营业部")
                                .add("1")
                                .add(null)
                                .add("城关镇")
                                .add("U")
                                .date(D1)
                                .add("A");
                        tw.endRecord();
                    }
                    case "CORE_DEPOSIT_ACCT" -> {
                        tw.add("A1")
                                .add("C1")
                                .add("001")
                                .add("CUR")
                                .add("CNY")
                                .date(D1)
                                .add(null)
                                .add(null)
                                .add("0.003500")
                                .money(balance)
                                .add("N")
                                .add(null);
                        tw.endRecord();
                    }
                    case "CORE_DEPOSIT_TXN" -> {
                        if (credit > 0) {
                            tw.add("S1")
                                    .date(date)
                                    .add(DeliveryFiles.folder(date) + "093000")
                                    .add("A1")
                                    .add("C")
                                    .money(credit)
                                    .money(balance)
                                    .add("CNT")
                                    .add("1001")
                                    .add(null)
                                    .add("T1")
                                    .add("001")
                                    .add(null)
                                    .add(null)
                                    .add(null)
                                    .add(null)
                                    .add("0")
                                    .add("现金存入");
                            tw.endRecord();
                        }
                    }
                    default -> {}
                }
            }
        }
        if (ready) {
            w.writeReady(1);
        }
    }
}
