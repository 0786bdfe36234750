package org.ruralbank.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralbank.delivery.CheckValues;
import org.ruralbank.delivery.ColumnMeta;
import org.ruralbank.delivery.ColumnType;
import org.ruralbank.delivery.DeliveryWriter;
import org.ruralbank.delivery.LoadMode;
import org.ruralbank.delivery.ReadyFlag;
import org.ruralbank.delivery.RecordFormat;
import org.ruralbank.delivery.TableMeta;
import org.ruralbank.delivery.TableWriter;
import org.ruralbank.testing.TestBank;
import org.ruralbank.warehouse.Warehouse;

/** Loading deliveries into the warehouse: states, reasons, redelivery, unknown tables, GBK edge cases. */
class IngestTest {

    static final LocalDate D1 = LocalDate.of(2025, 1, 1);
    static final LocalDate D2 = D1.plusDays(1);
    static final LocalDate D3 = D1.plusDays(2);

    @TempDir
    Path home;

    Path inbox;
    Warehouse warehouse;
    Ingest ingest;

    @BeforeEach
    void open() {
        inbox = home.resolve("inbox");
        warehouse = Warehouse.under(home, false);
        ingest = new Ingest(warehouse, IngestSettings.defaults(), home);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void loadsEveryDateAndPassesEveryDataTest() throws IOException {
        TestBank.handMade(200, 1).write(inbox, D1, 5);
        assertThat(org.ruralbank.delivery.DeliveryCheck.check(inbox).problems()).isEmpty();
        List<DateStatus> done = ingest.load(inbox, null);
        assertThat(done)
                .as(done.toString())
                .extracting(DateStatus::state)
                .containsOnly(DateState.LOADED)
                .hasSize(5);
        assertThat(ingest.status(inbox)).extracting(DateStatus::state).containsOnly(DateState.LOADED);
        long chkRows = CheckValues.read(inbox.resolve("20250103/CORE_DEPOSIT_TXN.20250103.chk"))
                .rows();
        assertThat(count("select count(*) from ods.core_deposit_txn where biz_date = '2025-01-03'"))
                .isEqualTo(chkRows);
        assertThat(rows("select test, model, biz_date, failures, sample from meta.test_result where failures > 0"))
                .isEmpty();
        assertThat(count("select count(distinct test) from meta.test_result")).isGreaterThan(40);
        // balances answer for any past date, and the daily average is exact
        assertThat(count("select count(*) from dw.deposit_balance where valid_from <= date '2025-01-02' "
                        + "and valid_to >= date '2025-01-02'"))
                .isEqualTo(count("select count(*) from ods.core_deposit_acct where biz_date = '2025-01-02'"));
        assertThat(rows("""
                select a.acct_no from (select acct_no, avg(balance) as avg_balance from ods.core_deposit_acct group by acct_no) a
                join (select acct_no, sum(balance * (date_diff('day', greatest(valid_from, date '2025-01-01'),
                      least(valid_to, date '2025-01-05')) + 1)) / 5 as avg_balance from dw.deposit_balance
                      where valid_from <= date '2025-01-05' group by acct_no) z on z.acct_no = a.acct_no
                where abs(a.avg_balance - z.avg_balance) > 0.001""")).isEmpty();
    }

    @Test
    void blocksABadRecordNamingFileLineAndFieldThenLoadsTheFixedDelivery() throws IOException {
        TestBank.handMade(100, 2).write(inbox, D1, 3);
        Path txn = inbox.resolve("20250102/CORE_DEPOSIT_TXN.20250102.dat");
        byte[] original = Files.readAllBytes(txn);
        String chk = Files.readString(inbox.resolve("20250102/CORE_DEPOSIT_TXN.20250102.chk"));
        String line2 = Files.readAllLines(txn, StandardCharsets.UTF_8).get(1);
        String[] f = line2.split("\\|", -1);
        f[5] = "12x.00";
        TestBank.HandMade.replaceLine(txn, 2, String.join("|", f).getBytes(StandardCharsets.UTF_8));

        List<DateStatus> done = ingest.load(inbox, null);

        assertThat(done).extracting(DateStatus::state).containsExactly(DateState.LOADED, DateState.BLOCKED);
        assertThat(done.get(1).reason())
                .startsWith("20250102/CORE_DEPOSIT_TXN.20250102.dat line 2 field AMOUNT:")
                .contains("12x.00");
        Map<LocalDate, DateStatus> status = byDate(ingest.status(inbox));
        assertThat(status.get(D2).state()).isEqualTo(DateState.BLOCKED);
        assertThat(status.get(D3).state()).isEqualTo(DateState.WAITING);
        assertThat(count("select count(*) from ods.core_deposit_txn where biz_date = '2025-01-02'"))
                .isZero();
        assertThat(count("select count(*) from mart.org_daily where biz_date = '2025-01-02'"))
                .isZero();
        assertThat(rows("select line, field, raw from meta.quarantine where biz_date = '2025-01-02'"))
                .containsExactly(List.of(2L, "AMOUNT", String.join("|", f)));
        // nothing changed: the blocked date is not read again
        assertThat(ingest.load(inbox, null)).isEmpty();

        Files.write(txn, original);
        Files.writeString(inbox.resolve("20250102/CORE_DEPOSIT_TXN.20250102.chk"), chk);
        assertThat(ingest.load(inbox, null))
                .extracting(DateStatus::state)
                .containsExactly(DateState.LOADED, DateState.LOADED);
        assertThat(count("select count(*) from meta.quarantine")).isZero();
    }

    @Test
    void aFailedDataTestBlocksTheDate() throws IOException {
        TestBank.handMade(100, 3).write(inbox, D1, 2);
        Path txn = inbox.resolve("20250102/CORE_DEPOSIT_TXN.20250102.dat");
        String[] f = Files.readAllLines(txn, StandardCharsets.UTF_8).get(0).split("\\|", -1);
        f[5] = "99999.99";
        TestBank.HandMade.replaceLine(txn, 1, String.join("|", f).getBytes(StandardCharsets.UTF_8));

        List<DateStatus> done = ingest.load(inbox, null);

        assertThat(done.get(1).state()).isEqualTo(DateState.BLOCKED);
        assertThat(done.get(1).reason()).contains("deposit_balance_continuity").contains(f[3]);
        assertThat(count("select count(*) from ods.core_deposit_txn where biz_date = '2025-01-02'"))
                .isZero();
        assertThat(count("select count(*) from dw.deposit_balance where valid_from = date '2025-01-02'"))
                .isZero();
        assertThat(count("select failures from meta.test_result where biz_date = '2025-01-02' "
                        + "and test = 'deposit_balance_continuity'"))
                .isEqualTo(1);
    }

    @Test
    void controlFilesThatAreNotUtf8BlockTheDateWithTheFileNamed() throws IOException {
        TestBank.handMade(30, 11).write(inbox, D1, 1);
        Files.write(inbox.resolve("20250101/CORE_ORG.20250101.meta"), "description=机构".getBytes(TableMeta.GBK));

        List<DateStatus> done = ingest.load(inbox, null);

        assertThat(done).extracting(DateStatus::state).containsExactly(DateState.BLOCKED);
        assertThat(done.get(0).reason())
                .isEqualTo("20250101/CORE_ORG.20250101.meta: is not valid metadata (it is not UTF-8 text).");
        assertThat(rows("select file_name, line from meta.quarantine"))
                .containsExactly(List.of("20250101/CORE_ORG.20250101.meta", 0L));
    }

    @Test
    void aFolderWithoutReadyIsNeverReadAndLaterDatesWait() throws IOException {
        TestBank.handMade(50, 4).write(inbox, D1, 3);
        Files.delete(inbox.resolve("20250102/READY"));
        Files.writeString(inbox.resolve("20250102/CORE_ORG.20250102.dat"), "garbage");

        assertThat(ingest.load(inbox, null)).extracting(DateStatus::state).containsExactly(DateState.LOADED);
        Map<LocalDate, DateStatus> status = byDate(ingest.status(inbox));
        assertThat(status.get(D2).state()).isEqualTo(DateState.PENDING);
        assertThat(status.get(D3).state()).isEqualTo(DateState.WAITING);
        assertThat(status.get(D3).reason()).contains("20250102");
    }

    @Test
    void aRedeliveryReplacesTheDateAndRebuildsLaterHistory() throws IOException {
        TestBank.HandMade bank = TestBank.handMade(50, 5);
        bank.write(inbox, D1, 3);
        assertThat(ingest.load(inbox, null)).hasSize(3);
        Path orgs = inbox.resolve("20250102/CORE_ORG.20250102.dat");
        List<String> lines = Files.readAllLines(orgs, StandardCharsets.UTF_8);
        String renamed = lines.get(1).replace("支行", "支行营业部");
        TestBank.HandMade.replaceLine(orgs, 2, renamed.getBytes(StandardCharsets.UTF_8));
        DeliveryWriter.writeReady(inbox.resolve("20250102"), new ReadyFlag(2, 20));

        List<DateStatus> done = ingest.load(inbox, null);

        assertThat(done)
                .extracting(DateStatus::state, DateStatus::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DateState.LOADED, 2));
        String orgId = renamed.split("\\|")[0];
        assertThat(rows("select org_name, valid_from, valid_to from dw.dim_org where org_id = '" + orgId
                        + "' order by valid_from"))
                .extracting(r -> r.get(1).toString() + " " + r.get(2))
                .containsExactly("2025-01-01 2025-01-01", "2025-01-02 2025-01-02", "2025-01-03 9999-12-31");
        assertThat(byDate(ingest.status(inbox)).get(D2).version()).isEqualTo(2);
        assertThat(rows("select test from meta.test_result where failures > 0 and severity = 'ERROR'"))
                .isEmpty();
    }

    @Test
    void rebuildingFromADateEndsWhereTheFirstBuildEnded() throws IOException {
        TestBank.handMade(60, 10).write(inbox, D1, 3);
        assertThat(ingest.load(inbox, null)).hasSize(3);
        String before = models();

        assertThat(ingest.rebuild(D2)).isNotEmpty().noneMatch(org.ruralbank.warehouse.TestResult::blocks);

        assertThat(models()).isEqualTo(before);
    }

    /** Row count and digest of every dw and mart table. */
    String models() {
        StringBuilder sb = new StringBuilder();
        for (String schema : List.of("dw", "mart")) {
            for (String t : warehouse.engine().tables(schema)) {
                sb.append(schema)
                        .append('.')
                        .append(t)
                        .append(' ')
                        .append(warehouse
                                .engine()
                                .query(
                                        "select count(*) "
                                                + "|| ' ' || md5(string_agg(cast(x as varchar), '|' order by cast(x as varchar))) from "
                                                + schema + "." + t + " x",
                                        1)
                                .rows()
                                .get(0)
                                .get(0))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void aTableThePlatformHasNeverSeenLandsInOds() throws IOException {
        TestBank.handMade(30, 6).write(inbox, D1, 1);
        Path folder = inbox.resolve("20250101");
        TableMeta meta = new TableMeta(
                "CORE_BRANCH_NOTE",
                "CORE",
                D1,
                LoadMode.FULL,
                RecordFormat.DELIMITED,
                TableMeta.GBK,
                new byte[] {'|'},
                false,
                0,
                "网点公告",
                List.of(
                        new ColumnMeta("NOTE_ID", ColumnType.VARCHAR, 10, 0, false, true, "编号"),
                        new ColumnMeta("ORG_ID", ColumnType.VARCHAR, 12, 0, false, false, "机构"),
                        new ColumnMeta("AMOUNT", ColumnType.DECIMAL, 18, 2, true, false, "金额"),
                        new ColumnMeta("TEXT", ColumnType.VARCHAR, 40, 0, true, false, "内容")));
        DeliveryWriter w = new DeliveryWriter(inbox, D1);
        try (TableWriter t = w.open(meta, false, false)) {
            t.add("N1").add("880110").add("12.30").add("春节营业安排").endRecord();
            t.add("N2").add("880120").add(null).add(null).endRecord();
        }
        DeliveryWriter.writeReady(folder, new ReadyFlag(1, 21));

        assertThat(ingest.load(inbox, null)).extracting(DateStatus::state).containsExactly(DateState.LOADED);
        assertThat(rows("select note_id, amount, text from ods.core_branch_note order by note_id"))
                .containsExactly(
                        List.of("N1", new java.math.BigDecimal("12.30"), "春节营业安排"),
                        java.util.Arrays.asList("N2", null, null));
    }

    @Test
    void gbkTrailBytesEqualToTheSeparatorStayInsideTheirField() throws IOException {
        String tricky = gbkCharWithTrailByte((byte) '|');
        TestBank.HandMade bank = TestBank.handMade(30, 7);
        bank.write(inbox, D1, 1);
        Path file = inbox.resolve("20250101/CRED_GUARANTEE.20250101.dat");
        String first = new String(Files.readAllBytes(file), TableMeta.GBK).split("\n")[0];
        String changed = first.replace("信用，无抵押", tricky + "位" + tricky);
        TestBank.HandMade.replaceLine(file, 1, changed.getBytes(TableMeta.GBK));

        assertThat(ingest.load(inbox, null)).extracting(DateStatus::state).containsExactly(DateState.LOADED);
        assertThat(rows("select collateral_desc from ods.cred_guarantee where collateral_desc like '%位%'"))
                .containsExactly(List.of(tricky + "位" + tricky));
    }

    @Test
    void aFixedRecordCuttingAGbkCharacterIsBlocked() throws IOException {
        TestBank.handMade(30, 8).write(inbox, D1, 1);
        Path file = inbox.resolve("20250101/FIN_EXPENSE.20250101.dat");
        byte[] line = new String(Files.readAllBytes(file), TableMeta.GBK).split("\n")[0].getBytes(TableMeta.GBK);
        // the memo is the last column (100 bytes): 49 two-byte characters, a space, then the first byte of one more
        byte[] shifted = line.clone();
        int memoStart = line.length - 100;
        byte[] chars = "工".repeat(50).getBytes(TableMeta.GBK);
        System.arraycopy(chars, 0, shifted, memoStart, 98);
        shifted[memoStart + 98] = ' ';
        shifted[memoStart + 99] = chars[0];
        TestBank.HandMade.replaceLine(file, 1, shifted);

        List<DateStatus> done = ingest.load(inbox, null);

        assertThat(done.get(0).state()).isEqualTo(DateState.BLOCKED);
        assertThat(done.get(0).reason())
                .startsWith("20250101/FIN_EXPENSE.20250101.dat line 1")
                .contains("MEMO cuts a multi-byte character");
    }

    @Test
    void aToleranceLetsADateLoadWithItsInvalidRecordsQuarantined() throws IOException {
        ingest = new Ingest(warehouse, new IngestSettings(Map.of("MID_AGENCY_DETAIL", 1L), 0, 2), home);
        TestBank.handMade(30, 9).write(inbox, D1, 1);
        Path file = inbox.resolve("20250101/MID_AGENCY_DETAIL.20250101.dat");
        String first = new String(Files.readAllBytes(file), TableMeta.GBK).split("\r\n")[0];
        String bad = first.replace("\u001DS\u001D", "\u001DSS\u001D");
        TestBank.HandMade.replaceLine(file, 1, bad.getBytes(TableMeta.GBK));

        assertThat(ingest.load(inbox, null)).extracting(DateStatus::state).containsExactly(DateState.LOADED);
        assertThat(count("select count(*) from ods.mid_agency_detail")).isEqualTo(2);
        assertThat(rows("select table_name, line, field from meta.quarantine"))
                .containsExactly(List.of("MID_AGENCY_DETAIL", 1L, "RESULT"));
    }

    static String gbkCharWithTrailByte(byte trail) {
        for (char c = 0x4E00; c < 0x9FA5; c++) {
            byte[] b = String.valueOf(c).getBytes(TableMeta.GBK);
            if (b.length == 2 && b[1] == trail) {
                return String.valueOf(c);
            }
        }
        throw new IllegalStateException("no such character");
    }

    static Map<LocalDate, DateStatus> byDate(List<DateStatus> all) {
        Map<LocalDate, DateStatus> m = new java.util.TreeMap<>();
        all.forEach(s -> m.put(s.date(), s));
        return m;
    }

    long count(String sql) {
        return warehouse.engine().queryLong(sql);
    }

    List<List<Object>> rows(String sql) {
        return warehouse.engine().query(sql, 100).rows();
    }
}
