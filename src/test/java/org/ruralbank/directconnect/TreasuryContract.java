package org.ruralbank.directconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.directconnect.TreasuryPayments.FileError;
import org.ruralbank.directconnect.TreasuryPayments.LoadResult;
import org.ruralbank.directconnect.TreasuryPayments.Outcome;
import org.ruralbank.directconnect.TreasuryPayments.PaymentAnswer;
import org.ruralbank.directconnect.TreasuryPayments.QuotaLine;
import org.ruralbank.directconnect.TreasuryPayments.RefundAnswer;
import org.ruralbank.directconnect.internal.Treasury;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The treasury quota ledger's contract, run on PostgreSQL and on H2: quotas consumed exactly under concurrent
 * payments, refunds restoring them by new postings, hostile quota files refused whole with line and field, unknown
 * budget units and classifications refused, replays answered from the stored result.
 */
abstract class TreasuryContract {

    static final int THREADS = 16;
    static final int PAYMENTS_PER_THREAD = 25;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    Treasury treasury;

    @Autowired
    CoreBanking core;

    @Autowired
    JdbcClient db;

    @Autowired
    BusinessCalendar calendar;

    TreasuryFixture t;
    String payee;
    LocalDate today;
    int year;

    @BeforeEach
    void bureau() {
        t = new TreasuryFixture(ctx, "1000000");
        payee = t.f.account(t.f.enterprise("办公用品供应商"), "0");
        today = calendar.today();
        year = today.getYear();
    }

    @Test
    void concurrentPaymentsAndRefundsMoveTheQuotaExactlyAndNeverAboveIt() throws Exception {
        assertThat(load("q1", year + ",101001,区教育局,30201,办公费,10000.00").outcome())
                .isEqualTo(Outcome.OK);
        AtomicLong paid = new AtomicLong();
        AtomicLong refunded = new AtomicLong();
        List<PaymentAnswer> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < THREADS; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                Random r = new Random(client * 31L);
                List<String[]> mine = new ArrayList<>();
                for (int i = 0; i < PAYMENTS_PER_THREAD; i++) {
                    if (!mine.isEmpty() && r.nextInt(5) == 0) {
                        // part of one of this client's payments comes back, while the others keep paying
                        String[] p = mine.remove(r.nextInt(mine.size()));
                        long back = 1 + r.nextInt(Integer.parseInt(p[1]));
                        RefundAnswer a = refund(
                                "r" + p[0],
                                p[0],
                                java.math.BigDecimal.valueOf(back, 2).toPlainString(),
                                "退回");
                        assertThat(a.outcome()).isEqualTo(Outcome.OK);
                        refunded.addAndGet(back);
                        continue;
                    }
                    long fen = 1 + r.nextInt(60_000);
                    String id = "c" + client + "-" + i;
                    PaymentAnswer a = pay(
                            id,
                            "101001",
                            "30201",
                            java.math.BigDecimal.valueOf(fen, 2).toPlainString());
                    answers.add(a);
                    if (a.outcome() == Outcome.OK) {
                        paid.addAndGet(fen);
                        mine.add(new String[] {id, String.valueOf(fen)});
                    }
                }
                return null;
            }));
        }
        for (Future<?> fu : futures) {
            fu.get();
        }
        pool.shutdown();

        assertThat(answers).allSatisfy(a -> assertThat(a.outcome()).isIn(Outcome.OK, Outcome.QUOTA_EXCEEDED));
        assertThat(answers).anyMatch(a -> a.outcome() == Outcome.QUOTA_EXCEEDED);
        assertThat(refunded.get()).isPositive();
        long[] quota = db.sql("select paid_fen, refunded_fen from dc_quota where enterprise_id = :e")
                .param("e", t.bureau)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        assertThat(quota[0]).isEqualTo(paid.get());
        assertThat(quota[1]).isEqualTo(refunded.get());
        assertThat(quota[0] - quota[1]).isLessThanOrEqualTo(10_000_00L);
        // what the quota lost is exactly what the payee kept and the bureau's account paid
        assertThat(core.balance(payee).orElseThrow().bookedFen()).isEqualTo(paid.get() - refunded.get());
        assertThat(core.balance(t.account).orElseThrow().bookedFen())
                .isEqualTo(1_000_000_00L - paid.get() + refunded.get());
        QuotaInvariants.check(db);
        LedgerInvariants.check(db);
    }

    @Test
    void anInterBankPaymentIsRefundedOnlyOnceTheClearingHasDecided() {
        load("q1", year + ",101001,区教育局,30201,办公费,1000.00");
        var payments = ctx.getBean(org.ruralbank.directconnect.internal.Payments.class);
        PaymentAnswer settled = interBank("ib-1", "300.00");
        assertThat(settled.status()).isEqualTo("ACSP");
        assertThat(refund("r0", "ib-1", "10.00", "退回").outcome()).isEqualTo(Outcome.PAYMENT_NOT_SETTLED);
        payments.clearingResult(settled.instructionId(), true, "clearing", today);
        // settled: the money comes back from the clearing to the bureau's account
        assertThat(refund("r1", "ib-1", "100.00", "收款行退回").outcome()).isEqualTo(Outcome.OK);
        assertThat(core.balance(t.account).orElseThrow().bookedFen()).isEqualTo(1_000_000_00L - 200_00L);

        PaymentAnswer returned = interBank("ib-2", "400.00");
        payments.clearingResult(returned.instructionId(), false, "clearing", today);
        // returned by the clearing: the money is back already, the refund restores the quota alone
        RefundAnswer r = refund("r2", "ib-2", "400.00", "清算退回");
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.transferId()).isNull();
        assertThat(remaining("101001", "30201")).isEqualTo(800_00L);
        assertThat(core.balance(t.account).orElseThrow().bookedFen()).isEqualTo(1_000_000_00L - 200_00L);
        QuotaInvariants.check(db);
        LedgerInvariants.check(db);
    }

    private PaymentAnswer interBank(String id, String amount) {
        return treasury.pay(new TreasuryPayments.Payment(
                t.bureau,
                id,
                year,
                "101001",
                "30201",
                t.account,
                "6228480012345678",
                "外行供应商",
                "ABOCCNBJ",
                amount,
                "采购",
                today));
    }

    @Test
    void aRefundRestoresTheQuotaByANewPostingWithItsReason() {
        load("q1", year + ",101001,区教育局,30201,办公费,1000.00");
        assertThat(pay("p1", "101001", "30201", "300.00").outcome()).isEqualTo(Outcome.OK);
        RefundAnswer r =
                treasury.refund(new TreasuryPayments.Refund(t.bureau, "r1", "p1", "100.00", "收款账户户名不符", today));
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.transferId()).isNotNull();
        assertThat(remaining("101001", "30201")).isEqualTo(800_00L);
        assertThat(core.balance(payee).orElseThrow().bookedFen()).isEqualTo(200_00L);
        assertThat(core.balance(t.account).orElseThrow().bookedFen()).isEqualTo(1_000_000_00L - 200_00L);
        // the payment's posting is kept as it was; the refund is a posting of its own
        assertThat(db.sql("select amount_fen from dc_quota_posting where enterprise_id = :e and kind = 'PAY'")
                        .param("e", t.bureau)
                        .query(Long.class)
                        .single())
                .isEqualTo(300_00L);
        assertThat(db.sql("select reason from dc_quota_posting where enterprise_id = :e and kind = 'REFUND'")
                        .param("e", t.bureau)
                        .query(String.class)
                        .single())
                .isEqualTo("收款账户户名不符");

        assertThat(refund("r1", "p1", "100.00", "收款账户户名不符").outcome()).isEqualTo(Outcome.EXISTS);
        assertThat(refund("r1", "p1", "90.00", "收款账户户名不符").outcome()).isEqualTo(Outcome.EXISTS_WITH_DIFFERENT_CONTENT);
        assertThat(refund("r2", "p1", "200.01", "多付").outcome()).isEqualTo(Outcome.EXCEEDS_PAID);
        assertThat(refund("r3", "p1", "10.00", " ").outcome()).isEqualTo(Outcome.REASON_REQUIRED);
        assertThat(refund("r4", "nope", "10.00", "无此支付").outcome()).isEqualTo(Outcome.PAYMENT_NOT_FOUND);
        assertThat(refund("r5", "p1", "0", "零").outcome()).isEqualTo(Outcome.AMOUNT_MUST_BE_POSITIVE);
        assertThat(refund("r6", "p1", "200.00", "全部退回").outcome()).isEqualTo(Outcome.OK);
        assertThat(remaining("101001", "30201")).isEqualTo(1000_00L);
        assertThat(core.balance(payee).orElseThrow().bookedFen()).isZero();
        QuotaInvariants.check(db);
        LedgerInvariants.check(db);
    }

    @Test
    void aRefundThePayeeCannotCoverIsRefusedAndRestoresNothing() {
        load("q1", year + ",101001,区教育局,30201,办公费,1000.00");
        pay("p1", "101001", "30201", "300.00");
        // the payee spent the money meanwhile (by card, at the counter: not a direct-connection payment)
        core.transfer(
                CoreBanking.Transfer.posted(t.f.bank.uniqueId("X"), payee, t.account, 250_00L, "CARD", "spent", today));
        assertThat(refund("r1", "p1", "100.00", "退回").outcome()).isEqualTo(Outcome.RETURN_NOT_COVERED);
        assertThat(remaining("101001", "30201")).isEqualTo(700_00L);
        QuotaInvariants.check(db);
    }

    @Test
    void badQuotaFilesAreRefusedWholeNamingLineAndField() {
        String ok = year + ",101001,区教育局,30201,办公费,100.00";
        record Bad(byte[] file, int line, String field) {}
        List<Bad> bad = List.of(
                new Bad("unit,code,amount\n".getBytes(StandardCharsets.UTF_8), 1, "header"),
                new Bad(new byte[0], 1, "header"),
                new Bad(TreasuryFixture.csv(), 2, "file"),
                new Bad(new byte[] {'f', (byte) 0xC3, (byte) 0x28}, 1, "file"),
                new Bad(TreasuryFixture.csv(ok, "26,101001,区教育局,30202,印刷费,1.00"), 3, "fiscal_year"),
                new Bad(TreasuryFixture.csv(ok, (year + 1) + ",101001,区教育局,30202,印刷费,1.00"), 3, "fiscal_year"),
                new Bad(TreasuryFixture.csv(ok, year + ",1010 01,区教育局,30202,印刷费,1.00"), 3, "budget_unit_code"),
                new Bad(TreasuryFixture.csv(ok, year + ",101001,,30202,印刷费,1.00"), 3, "budget_unit_name"),
                new Bad(TreasuryFixture.csv(ok, year + ",101001,区教育局,3020,印刷费,1.00"), 3, "economic_code"),
                new Bad(TreasuryFixture.csv(ok, year + ",101001,区教育局,30202,,1.00"), 3, "economic_name"),
                new Bad(TreasuryFixture.csv(ok, year + ",101001,区教育局,30202,印刷费,1.001"), 3, "quota_yuan"),
                new Bad(TreasuryFixture.csv(ok, year + ",101001,区教育局,30202,印刷费,-5"), 3, "quota_yuan"),
                new Bad(TreasuryFixture.csv(ok, year + ",101001,区教育局,30202,印刷费,1e5"), 3, "quota_yuan"),
                new Bad(TreasuryFixture.csv(ok, year + ",101001,区教育局,30202,印刷费"), 3, "line"),
                new Bad(TreasuryFixture.csv(ok, year + ",101001,\"区教育局\",30202,印刷费,1.00"), 3, "line"),
                new Bad(TreasuryFixture.csv(ok, year + ",101001,区教育局,30201,办公费,5.00"), 3, "economic_code"),
                new Bad(TreasuryFixture.csv(ok, year + ",101001,教育局,30202,印刷费,5.00"), 3, "budget_unit_name"));
        for (Bad b : bad) {
            LoadResult r = treasury.load(t.bureau, t.f.bank.uniqueId("L"), b.file(), today);
            assertThat(r.outcome())
                    .as(new String(b.file(), StandardCharsets.UTF_8))
                    .isEqualTo(Outcome.BAD_FILE);
            assertThat(r.errors())
                    .as(new String(b.file(), StandardCharsets.UTF_8))
                    .extracting(FileError::line, FileError::field)
                    .contains(org.assertj.core.groups.Tuple.tuple(b.line(), b.field()));
        }
        // a file with a good line and a bad one stores neither
        assertThat(db.sql("select count(*) from dc_quota where enterprise_id = :e")
                        .param("e", t.bureau)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(db.sql("select count(*) from dc_quota_load where enterprise_id = :e")
                        .param("e", t.bureau)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aReloadAdjustsByNewPostingsAndNeverBelowWhatIsUsed() {
        load("q1", year + ",101001,区教育局,30201,办公费,1000.00", year + ",101001,区教育局,30211,差旅费,500.00");
        pay("p1", "101001", "30201", "400.00");
        // raised, and the unused travel quota dropped from the file
        LoadResult r = load("q2", year + ",101001,区教育局,30201,办公费,1200.00", year + ",102001,区卫健委,31002,办公设备购置,800.00");
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.changed()).isEqualTo(3);
        assertThat(remaining("101001", "30201")).isEqualTo(800_00L);
        assertThat(remaining("101001", "30211")).isZero();
        assertThat(db.sql("select amount_fen from dc_quota_posting where enterprise_id = :e and kind = 'GRANT' "
                                + "and budget_unit = '101001' and economic_code = '30201' order by posting_id")
                        .param("e", t.bureau)
                        .query(Long.class)
                        .list())
                .containsExactly(1000_00L, 200_00L);
        // the same quotas under another id change nothing
        assertThat(load("q3", year + ",101001,区教育局,30201,办公费,1200.00", year + ",102001,区卫健委,31002,办公设备购置,800.00")
                        .changed())
                .isZero();

        LoadResult below = load("q4", year + ",101001,区教育局,30201,办公费,399.99", year + ",102001,区卫健委,31002,办公设备购置,0");
        assertThat(below.outcome()).isEqualTo(Outcome.BAD_FILE);
        assertThat(below.errors())
                .extracting(FileError::line, FileError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "quota_yuan"));
        LoadResult dropped = load("q5", year + ",102001,区卫健委,31002,办公设备购置,800.00");
        assertThat(dropped.outcome()).isEqualTo(Outcome.BAD_FILE);
        assertThat(dropped.errors()).extracting(FileError::line).containsExactly(0);
        // neither refused reload changed anything
        assertThat(remaining("101001", "30201")).isEqualTo(800_00L);
        assertThat(remaining("102001", "31002")).isEqualTo(800_00L);
        QuotaInvariants.check(db);
    }

    @Test
    void anUnknownBudgetUnitOrClassificationIsRefusedAndPostsNothing() {
        load("q1", year + ",101001,区教育局,30201,办公费,1000.00");
        PaymentAnswer unit = pay("p1", "999999", "30201", "1.00");
        assertThat(unit.outcome()).isEqualTo(Outcome.UNKNOWN_BUDGET_UNIT);
        assertThat(unit.reasonCode()).isEqualTo("TQ03");
        PaymentAnswer code = pay("p2", "101001", "30299", "1.00");
        assertThat(code.outcome()).isEqualTo(Outcome.UNKNOWN_QUOTA);
        assertThat(code.reasonCode()).isEqualTo("TQ02");
        PaymentAnswer otherYear = treasury.pay(new TreasuryPayments.Payment(
                t.bureau, "p3", year - 1, "101001", "30201", t.account, payee, "供应商", null, "1.00", "上年", today));
        assertThat(otherYear.outcome()).isEqualTo(Outcome.UNKNOWN_BUDGET_UNIT);
        PaymentAnswer over = pay("p4", "101001", "30201", "1000.01");
        assertThat(over.outcome()).isEqualTo(Outcome.QUOTA_EXCEEDED);
        assertThat(over.reasonCode()).isEqualTo("TQ01");
        assertThat(core.balance(payee).orElseThrow().bookedFen()).isZero();
        assertThat(remaining("101001", "30201")).isEqualTo(1000_00L);
        // refused payments leave their answer in the journal, nothing in the quota postings
        assertThat(db.sql("select count(*) from dc_instruction where enterprise_id = :e and status = 'RJCT'")
                        .param("e", t.bureau)
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
        QuotaInvariants.check(db);
    }

    @Test
    void aRefusalOfThePaymentRulesGivesTheQuotaBack() {
        load("q1", year + ",101001,区教育局,30201,办公费,5000000.00");
        // above the bureau's per-transaction limit (2,000,000.00 by default): refused before the quota is taken
        PaymentAnswer a = pay("p1", "101001", "30201", "2000000.01");
        assertThat(a.outcome()).isEqualTo(Outcome.PAYMENT_REFUSED);
        assertThat(a.reasonCode()).isEqualTo("AM02");
        // above the account's funds (1,000,000.00): the core refuses, and the quota is given back
        PaymentAnswer b = pay("p2", "101001", "30201", "1000000.01");
        assertThat(b.reasonCode()).isEqualTo("AM04");
        assertThat(remaining("101001", "30201")).isEqualTo(5_000_000_00L);
        QuotaInvariants.check(db);
    }

    @Test
    void replaysAnswerTheStoredResultAndExecuteNothing() {
        byte[] file = TreasuryFixture.csv(year + ",101001,区教育局,30201,办公费,1000.00");
        assertThat(treasury.load(t.bureau, "q1", file, today).outcome()).isEqualTo(Outcome.OK);
        assertThat(treasury.load(t.bureau, "q1", file, today).outcome()).isEqualTo(Outcome.EXISTS);
        assertThat(load("q1", year + ",101001,区教育局,30201,办公费,9000.00").outcome())
                .isEqualTo(Outcome.EXISTS_WITH_DIFFERENT_CONTENT);
        assertThat(remaining("101001", "30201")).isEqualTo(1000_00L);

        PaymentAnswer first = pay("p1", "101001", "30201", "100.00");
        PaymentAnswer again = pay("p1", "101001", "30201", "100.00");
        assertThat(again.outcome()).isEqualTo(Outcome.EXISTS);
        assertThat(again.instructionId()).isEqualTo(first.instructionId());
        // the same id for another budget unit's quota: refused, nothing executed
        load("q2", year + ",101001,区教育局,30201,办公费,1000.00", year + ",102001,区卫健委,30201,办公费,1000.00");
        assertThat(pay("p1", "102001", "30201", "100.00").outcome()).isEqualTo(Outcome.EXISTS_WITH_DIFFERENT_CONTENT);
        assertThat(remaining("101001", "30201")).isEqualTo(900_00L);
        assertThat(remaining("102001", "30201")).isEqualTo(1000_00L);
        assertThat(treasury.payment(t.bureau, "p1").orElseThrow().outcome()).isEqualTo(Outcome.EXISTS);
        QuotaInvariants.check(db);
    }

    @Test
    void theReconciliationShowsEachQuotaAndTheDaysPayments() {
        load("q1", year + ",101001,区教育局,30201,办公费,1000.00", year + ",102001,区卫健委,31002,办公设备购置,800.00");
        pay("p1", "101001", "30201", "300.00");
        pay("p2", "101001", "30201", "50.00");
        refund("r1", "p2", "50.00", "重复支付");
        TreasuryPayments.Reconciliation r = treasury.reconciliation(t.bureau, today);
        assertThat(r.quotas())
                .containsExactly(
                        new QuotaLine("101001", "区教育局", "30201", "办公费", 1000_00L, 350_00L, 50_00L, 300_00L, 700_00L),
                        new QuotaLine("102001", "区卫健委", "31002", "办公设备购置", 800_00L, 0, 0, 0, 800_00L));
        assertThat(r.movements())
                .extracting(
                        TreasuryPayments.QuotaMovement::kind,
                        TreasuryPayments.QuotaMovement::id,
                        TreasuryPayments.QuotaMovement::amountFen)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PAY", "p1", 300_00L),
                        org.assertj.core.groups.Tuple.tuple("PAY", "p2", 50_00L),
                        org.assertj.core.groups.Tuple.tuple("REFUND", "r1", 50_00L));
        assertThat(r.movements().get(0).payeeAccount()).isEqualTo(payee);
        // the day before the quotas were loaded holds nothing of them
        assertThat(treasury.reconciliation(t.bureau, today.minusDays(1)).quotas())
                .allSatisfy(q -> assertThat(q.quotaFen()).isZero());
    }

    @Test
    void onlyAFinanceBureauMayUseTreasuryPayments() {
        String plain = t.f.enterprise("普通企业");
        assertThatThrownBy(
                        () -> treasury.load(plain, "q1", TreasuryFixture.csv(year + ",101001,区教育局,30201,办公费,1"), today))
                .isInstanceOf(Problems.Problem.class)
                .hasMessageContaining("TREASURY");
    }

    private LoadResult load(String id, String... lines) {
        return treasury.load(t.bureau, id, TreasuryFixture.csv(lines), today);
    }

    private PaymentAnswer pay(String id, String unit, String code, String amount) {
        return treasury.pay(new TreasuryPayments.Payment(
                t.bureau, id, year, unit, code, t.account, payee, "办公用品供应商", null, amount, "购办公用品", today));
    }

    private RefundAnswer refund(String id, String payment, String amount, String reason) {
        return treasury.refund(new TreasuryPayments.Refund(t.bureau, id, payment, amount, reason, today));
    }

    private long remaining(String unit, String code) {
        return db.sql("select granted_fen - paid_fen + refunded_fen from dc_quota where enterprise_id = :e "
                        + "and fiscal_year = :y and budget_unit = :u and economic_code = :c")
                .param("e", t.bureau)
                .param("y", year)
                .param("u", unit)
                .param("c", code)
                .query(Long.class)
                .single();
    }
}
