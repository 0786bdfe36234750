package org.ruralbank.appraisal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ruralbank.ingest.Ingest;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.samplebank.GenerationRequest;
import org.ruralbank.samplebank.Profile;
import org.ruralbank.samplebank.SampleBank;
import org.ruralbank.testing.TestStores;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The first days of the generated small bank, loaded into a test context's own warehouse as the bank loads them (the
 * org tree and staff follow), with the 2025 scheme and wage budget the tests appraise under.
 */
public final class AppraisalFixture {

    public static final LocalDate START = LocalDate.of(2025, 1, 1);
    public static final int DAYS = 3;

    /** A context of its own (its own PostgreSQL schema and warehouse), so the loaded bank meets no other test. */
    public static class Stores implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext ctx) {
            TestPropertyValues.of(TestStores.postgres())
                    .and("ruralbank.appraisal.fixture=own")
                    .applyTo(ctx);
        }
    }

    private AppraisalFixture() {}

    /** Loads the bank (once per context) and saves the 2025 scheme and budget. */
    public static synchronized void load(ApplicationContext ctx) {
        Schemes schemes = ctx.getBean(Schemes.class);
        if (schemes.find(2025).isPresent()) {
            return;
        }
        try {
            Path inbox = Files.createTempDirectory("appraisal-inbox-");
            SampleBank.generate(
                    new GenerationRequest(Profile.SMALL, 1, START, DAYS, inbox, 20250101L, false, List.of()),
                    line -> {});
            ctx.getBean(Ingest.class).load(inbox, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        schemes.save(scheme(2025, "100"), OrgScope.everything());
        schemes.setBudget(2025, "12000000.00", "10", OrgScope.everything());
    }

    /** A scheme over the whole library with the given weight on deposits (the rest sums to 85), one qualitative item. */
    public static Schemes.Scheme scheme(int year, String total) {
        List<Schemes.Item> items = new ArrayList<>();
        BigDecimal deposits = new BigDecimal(total).subtract(new BigDecimal("85"));
        items.add(item("deposit_daily_avg", Perspective.FINANCE, deposits.toPlainString(), "50000000"));
        items.add(item("loan_balance", Perspective.FINANCE, "15", "20000000"));
        items.add(item("ftp_profit", Perspective.FINANCE, "5", "100000"));
        items.add(item("expenses", Perspective.FINANCE, "5", "20000"));
        items.add(item("new_cards", Perspective.CUSTOMER, "8", "30"));
        items.add(item("ebank_signups", Perspective.CUSTOMER, "7", "20"));
        items.add(item("new_merchants", Perspective.CUSTOMER, "5", "3"));
        items.add(item("substitution_rate", Perspective.CUSTOMER, "5", "60"));
        items.add(item("sms_signups", Perspective.CUSTOMER, "5", "20"));
        items.add(item("npl_ratio", Perspective.CONTROL, "10", "2"));
        items.add(item("chip_migration", Perspective.GROWTH, "5", "70"));
        items.add(item("counter_txn_per_teller", Perspective.GROWTH, "5", "50"));
        items.add(new Schemes.Item(
                "合规管理",
                Schemes.Kind.QUAL,
                Perspective.CONTROL,
                new BigDecimal("10"),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal("100"),
                null,
                BigDecimal.ONE,
                BigDecimal.ONE,
                BigDecimal.ONE));
        return new Schemes.Scheme(year, year + "年度综合绩效考核方案", 60, 50, 200, items);
    }

    private static Schemes.Item item(String code, Perspective p, String weight, String base) {
        return new Schemes.Item(
                code,
                Schemes.Kind.QUANT,
                p,
                new BigDecimal(weight),
                new BigDecimal("50"),
                new BigDecimal("60"),
                new BigDecimal("120"),
                new BigDecimal(base),
                new BigDecimal("1.2"),
                BigDecimal.ONE,
                new BigDecimal("0.8"));
    }
}
