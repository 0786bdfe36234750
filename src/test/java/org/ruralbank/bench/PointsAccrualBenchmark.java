package org.ruralbank.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.points.Accrual;
import org.ruralbank.points.EarningRules;
import org.ruralbank.points.PointsLedger;
import org.ruralbank.testing.TestBank;
import org.ruralbank.testing.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A month's accrual of a loaded home (the target: the {@code seed} bank's month in at most 30 s): the five
 * sample rules of the demo, approved by two officers in an empty points store on PostgreSQL, then {@link
 * Accrual#accrue} on every date of the month in order, as {@link Accrual#accrueThrough} takes them, each date timed
 * and the month timed whole (the daily rules on each date, the monthly deposit rule on the last, the expiry run of
 * each date). The home's warehouse is read as it is.
 *
 * <pre>
 * mvn -o test -Dtest=PointsAccrualBenchmark -Dbench.home=HOME -Dbench.through=2025-01-31
 * </pre>
 * Not part of the test suite (the class name does not end in Test): it prints figures for docs/benchmarks.md.
 */
@SpringBootTest(properties = {"logging.level.root=WARN", "ruralbank.warehouse.read-only=true"})
@ContextConfiguration(initializers = PointsAccrualBenchmark.SeedHome.class)
class PointsAccrualBenchmark {

    /** The PostgreSQL test store, with the warehouse of the home named by {@code -Dbench.home}. */
    static class SeedHome implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext ctx) {
            TestPropertyValues.of(TestStores.postgres())
                    .and("ruralbank.home=" + System.getProperty("bench.home"))
                    .applyTo(ctx);
        }
    }

    @Autowired
    ApplicationContext ctx;

    @Autowired
    EarningRules rules;

    @Autowired
    Accrual accrual;

    @Autowired
    PointsLedger ledger;

    @Test
    void aMonthsAccrual() {
        LocalDate through = LocalDate.parse(System.getProperty("bench.through", "2025-01-31"));
        TestBank bank = new TestBank(ctx);
        StaffPrincipal maker = bank.principal(bank.user(bank.headOffice(), DataScope.ALL, Role.EBANK));
        StaffPrincipal checker = bank.principal(bank.user(bank.headOffice(), DataScope.ALL, Role.ADMIN));
        for (Map<String, String> r : List.of(
                Map.of("code", "DEPOSIT", "kind", "DEPOSIT_AVG", "unit", "10000.00", "points", "10"),
                Map.of("code", "POS", "kind", "POS_SPEND", "unit", "10.00", "points", "1", "cap", "2000"),
                Map.of("code", "PAYROLL", "kind", "PAYROLL", "unit", "100.00", "points", "1"),
                Map.of("code", "REPAY", "kind", "LOAN_REPAY", "unit", "1", "points", "20"),
                Map.of("code", "EBANK", "kind", "EBANK_SIGN", "unit", "1", "points", "50"))) {
            Map<String, String> form = new java.util.HashMap<>(r);
            form.put("validFrom", through.withDayOfMonth(1).toString());
            long id = ((EarningRules.Outcome.Proposed) rules.propose(form, maker)).ruleId();
            rules.decide(id, true, checker);
        }
        // the dates one by one, as accrueThrough takes them, each timed
        long started = System.nanoTime();
        List<Accrual.Result> results = new java.util.ArrayList<>();
        long earned = 0;
        for (LocalDate d = through.withDayOfMonth(1); !d.isAfter(through); d = d.plusDays(1)) {
            long t0 = System.nanoTime();
            Accrual.Result r = accrual.accrue(d);
            results.add(r);
            System.out.printf(
                    "BENCH %s  %7d customers  earned %10d  in %6.2f s%n",
                    r.date(), r.customers(), r.earned(), (System.nanoTime() - t0) / 1e9);
            earned += r.earned();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        PointsLedger.Totals t = ledger.totals();
        System.out.printf(
                "BENCH %d dates through %s accrued in %.1f s: %d points earned; ledger debits %d = credits %d, "
                        + "lots %d = balances %d%n",
                results.size(),
                through,
                seconds,
                earned,
                t.debitsPosted(),
                t.creditsPosted(),
                t.lotsRemaining(),
                t.customerBalances());
    }
}
