package org.ruralbank.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.warehouse.TestResult;

/**
 * FTP margins of hand-computed accounts, to the fen, and the net-interest identity. Curves: 2025-01-01 (O/N 1.5%,
 * 1M 1.6%, 3M 1.7%, 6M 1.8%, 1Y 2.0%, 2Y 2.2%, 3Y 2.4%, 5Y 2.6%) and 2025-03-01 (each 0.1 point higher); day
 * 2025-03-10; a day's amount = balance × rate ÷ 360, half-up to the fen.
 */
class FtpMarginsTest {

    private final FtpFixture bank = new FtpFixture();

    @AfterEach
    void close() {
        bank.close();
    }

    private Map<String, FtpMargins.Line> lines() {
        return FtpMargins.of(bank.warehouse.queries(), FtpFixture.DAY, null, OrgScope.everything()).stream()
                .collect(Collectors.toMap(FtpMargins.Line::accountNo, l -> l));
    }

    @Test
    void readsADaysLinesPageByPageInTheOrderOfOneReadWithTheTreasuryLast() {
        bank.build();
        List<FtpMargins.Line> whole =
                FtpMargins.of(bank.warehouse.queries(), FtpFixture.DAY, null, OrgScope.everything());
        assertThat(whole.size()).isGreaterThan(4);
        for (int pageSize : new int[] {1, 2, 3, whole.size(), whole.size() + 1}) {
            List<FtpMargins.Line> paged = new ArrayList<>();
            long count = FtpMargins.each(
                    bank.warehouse.queries(), FtpFixture.DAY, null, OrgScope.everything(), pageSize, paged::add);
            assertThat(paged).as("pages of " + pageSize).isEqualTo(whole);
            assertThat(count).isEqualTo(whole.size());
        }
        assertThat(whole.get(whole.size() - 1).accountKind()).isEqualTo("TREASURY");
        assertThat(whole.stream().map(FtpMargins.Line::accountNo).distinct().count())
                .isEqualTo(whole.size());
    }

    @Test
    void pricesDemandDepositsAtThePoolRateOfTheDaysCurve() {
        bank.build();
        // pool (1.6% + 2.1%) / 2 = 1.85%; interest 100000 × 0.0015 / 360 = 0.4166 → 0.42; ftp 5.1388 → 5.14
        FtpMargins.Line d1 = lines().get("D1");
        assertThat(d1.accountKind()).isEqualTo("DEMAND");
        assertThat(d1.ftpRate()).isEqualByComparingTo("0.018500");
        assertThat(d1.interest()).isEqualByComparingTo("0.42");
        assertThat(d1.ftpAmount()).isEqualByComparingTo("5.14");
        assertThat(d1.margin()).isEqualByComparingTo("4.72");
    }

    @Test
    void pricesTermDepositsAtTheCurveOfTheirOpenDateForTheirOriginalTerm() {
        bank.build();
        Map<String, FtpMargins.Line> lines = lines();
        // T1 opened 2025-02-15 for 12 months: the 2025-01-01 curve, 1Y 2.0%; 50000 × 0.016 / 360 = 2.22, × 0.02 = 2.78
        assertThat(lines.get("T1").ftpRate()).isEqualByComparingTo("0.020000");
        assertThat(lines.get("T1").curveDate()).isEqualTo("2025-01-01");
        assertThat(lines.get("T1").margin()).isEqualByComparingTo("0.56");
        // T2 opened 2025-03-05 for 36 months: the 2025-03-01 curve, 3Y 2.5%; 20000 × 0.02 / 360 = 1.11, × 0.025 = 1.39
        assertThat(lines.get("T2").ftpRate()).isEqualByComparingTo("0.025000");
        assertThat(lines.get("T2").margin()).isEqualByComparingTo("0.28");
    }

    @Test
    void pricesLoansByMatchedMaturityInterpolatedInDays() {
        bank.build();
        Map<String, FtpMargins.Line> lines = lines();
        // L1 365 days from 2025-01-10: (2.0% × 355 + 2.2% × 5) / 360 = 2.00278% → 0.020028
        // interest 300000 × 0.0435 / 360 = 36.25; ftp 300000 × 0.020028 / 360 = 16.69; margin 19.56
        FtpMargins.Line l1 = lines.get("L1");
        assertThat(l1.ftpRate()).isEqualByComparingTo("0.020028");
        assertThat(l1.termDays()).isEqualTo(365);
        assertThat(l1.interest()).isEqualByComparingTo("36.25");
        assertThat(l1.ftpAmount()).isEqualByComparingTo("16.69");
        assertThat(l1.margin()).isEqualByComparingTo("19.56");
        // L2 disbursed before the first curve takes the first; 12345.67 × 0.058 / 360 = 1.989 → 1.99; × 0.020028 =
        // 0.687 → 0.69
        FtpMargins.Line l2 = lines.get("L2");
        assertThat(l2.curveDate()).isEqualTo("2025-01-01");
        assertThat(l2.margin()).isEqualByComparingTo("1.30");
    }

    @Test
    void treasuryMismatchClosesTheNetInterestIdentity() {
        bank.build();
        Map<String, FtpMargins.Line> lines = lines();
        assertThat(lines).doesNotContainKey("Z1");
        // loans' transfer 16.69 + 0.69 − deposits' 5.14 + 2.78 + 1.39 = 8.07
        assertThat(lines.get("TREASURY").margin()).isEqualByComparingTo("8.07");
        BigDecimal margins =
                lines.values().stream().map(FtpMargins.Line::margin).reduce(BigDecimal.ZERO, BigDecimal::add);
        // net interest: loans 36.25 + 1.99 − deposits 0.42 + 2.22 + 1.11 = 34.49
        assertThat(margins).isEqualByComparingTo("34.49");
        assertThat(identity().failures()).isZero();
    }

    @Test
    void identityTestFailsWhenAMarginIsWrong() {
        bank.build();
        bank.engine.execute("update mart.ftp_account set margin = margin + 0.01 where account_no = 'L1'");
        assertThat(identity().failures()).isEqualTo(1);
    }

    @Test
    void rollsMarginsUpByOrgProductAndStaffByCreditShare() {
        bank.claim(1, "DEPOSIT", "D1", "S003", "0.600000", "2025-03-01", "9999-12-31");
        bank.claim(2, "CUSTOMER", "C2", "S003", "0.500000", "2025-01-01", "9999-12-31");
        bank.build();
        // S003: 60% of D1's 4.72 + 50% of C2's accounts T1 0.56 and T2 0.28 = 2.832 + 0.42 = 3.252 → 3.25
        assertThat(staffMargin("S003")).isEqualByComparingTo("3.25");
        assertThat(staffMargin("S001")).isEqualByComparingTo("19.56");
        assertThat(staffMargin("S002")).isEqualByComparingTo("1.30");
        assertThat(bank.engine
                        .query(
                                "select margin_mtd from mart.ftp_org_monthly where org_id = '880100' "
                                        + "and account_kind = 'LOAN'",
                                1)
                        .rows()
                        .get(0)
                        .get(0))
                .isEqualTo(new BigDecimal("20.86"));
        assertThat(bank.engine
                        .query("select sum(margin) from mart.ftp_product_monthly where account_kind = 'TERM'", 1)
                        .rows()
                        .get(0)
                        .get(0))
                .isEqualTo(new BigDecimal("0.84"));
    }

    @Test
    void creditShareGivesTheOrgWhatClaimsLeaveAndDefaultsLoansToTheirManager() {
        bank.claim(1, "LOAN", "L1", "S003", "0.400000", "2025-03-05", "2025-03-20");
        bank.build();
        List<List<Object>> rows = bank.engine
                .query(
                        "select coalesce(staff_id, 'ORG'), share, source, valid_from, valid_to from mart.credit_share"
                                + " where object_id = 'L1' order by valid_from, staff_id nulls last",
                        10)
                .rows();
        assertThat(rows)
                .extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(2) + " " + r.get(3) + ".." + r.get(4))
                .containsExactly(
                        // the loan's default begins with the first loaded date, 2025-03-10: the spans are cut there
                        "S003 0.400000 CLAIM 2025-03-05..2025-03-09",
                        "ORG 0.600000 ORG 2025-03-05..2025-03-09",
                        "S003 0.400000 CLAIM 2025-03-10..2025-03-20",
                        "ORG 0.600000 ORG 2025-03-10..2025-03-20",
                        "S001 1.000000 DEFAULT 2025-03-21..9999-12-31");
    }

    @Test
    void creditsDailyAverageDepositsToStaffByTheAccountsOwnClaimBeforeItsCustomers() {
        bank.claim(1, "DEPOSIT", "D1", "S003", "0.600000", "2025-03-01", "9999-12-31");
        bank.claim(2, "CUSTOMER", "C2", "S003", "0.500000", "2025-01-01", "9999-12-31");
        // T1's own claim takes it out of its customer's: S003 keeps only half of T2 from C2's claim
        bank.claim(3, "DEPOSIT", "T1", "S001", "0.200000", "2025-03-10", "2025-03-10");
        bank.build();
        Map<String, BigDecimal> byStaff = new Indicators(bank.warehouse)
                .figures("deposit_daily_avg", Period.parse("2025-03"), Indicators.wholeBank()).stream()
                        .collect(Collectors.toMap(
                                f -> f.staffId() == null ? "ORG " + f.orgPath() : f.staffId(),
                                Indicators.Figure::amount));
        // one loaded day: 60% of D1's 100,000.00 + 50% of T2's 20,000.00; 20% of T1's 50,000.00
        assertThat(byStaff.get("S003")).isEqualByComparingTo("70000.00");
        assertThat(byStaff.get("S001")).isEqualByComparingTo("10000.00");
        assertThat(byStaff).doesNotContainKey("S002");
        // the org keeps its whole balance: a person's credit is not taken from the branch's figure
        assertThat(byStaff.get("ORG /880000/880100/")).isEqualByComparingTo("170000.00");

        // the accounts behind a person's figure: theirs only, each with the part credited to them, summing to it
        Indicators indicators = new Indicators(bank.warehouse);
        Indicators.Definition deposits = indicators.find("deposit_daily_avg").orElseThrow();
        List<Indicators.Account> mine =
                indicators.accounts(deposits, Period.parse("2025-03"), "S003", Indicators.wholeBank());
        assertThat(mine)
                .extracting(a -> a.accountNo() + " " + a.staffId() + " "
                        + a.balance().toPlainString() + " "
                        + new BigDecimal(a.detail()).stripTrailingZeros().toPlainString())
                .containsExactly("D1 S003 60000.00 0.6", "T2 S003 10000.00 0.5");
        assertThat(mine.stream().map(Indicators.Account::balance).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(byStaff.get("S003"));
        assertThat(indicators.accounts(deposits, Period.parse("2025-03"), "S001", Indicators.wholeBank()))
                .extracting(Indicators.Account::accountNo, a -> a.balance().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("T1", "10000.00"));
        assertThat(indicators.accounts(deposits, Period.parse("2025-03"), "S002", Indicators.wholeBank()))
                .as("nobody's accounts for someone credited with none")
                .isEmpty();
        assertThat(indicators.accounts(deposits, Period.parse("2025-03"), null, Indicators.wholeBank()))
                .as("a branch's figure lists every account whole")
                .extracting(a -> a.balance().toPlainString())
                .contains("100000.00", "50000.00", "20000.00");
    }

    private BigDecimal staffMargin(String staff) {
        return (BigDecimal) bank.engine
                .query("select margin from mart.ftp_staff_monthly where staff_id = '" + staff + "'", 1)
                .rows()
                .get(0)
                .get(0);
    }

    private TestResult identity() {
        return bank.warehouse.runner().test(FtpFixture.DAY).stream()
                .filter(t -> t.test().equals("ftp_net_interest_identity"))
                .findFirst()
                .orElseThrow();
    }
}
