package org.ruralbank.channels;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A test of channel figures on a {@link TestBank.SmallBank}: the class writes its rows once, the warehouse is built for its
 * dates, every test reads the figures of that one build, and the warehouse is closed after the class.
 */
@OnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HandMadeBankTest {

    /** The whole of 2025, the year every fixture lives in. */
    static final ChannelPeriod.Filter YEAR_2025 =
            new ChannelPeriod.Filter(null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));

    @Autowired
    ApplicationContext ctx;

    TestBank.SmallBank bank;
    private final String[] dates;

    /** {@code dates} in ascending order: the org tree is written and the warehouse built for each of them. */
    HandMadeBankTest(String... dates) {
        this.dates = dates;
    }

    /** Writes the class's rows, counted by eye. */
    abstract void rows(TestBank.Rows f);

    @BeforeAll
    void buildBank() {
        bank = new TestBank(ctx).smallBank(dates);
        rows(bank.rows);
        bank.build(dates);
    }

    @AfterAll
    void closeBank() {
        bank.close();
    }
}
