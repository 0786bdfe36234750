package org.ruralbank.samplebank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralbank.delivery.DeliveryCheck;
import org.ruralbank.delivery.TableMeta;
import org.ruralbank.testing.TestBank;

/** Every profile passes check-delivery, and every reference between tables resolves. */
class ConformanceTest {

    @TempDir
    Path dir;

    @Test
    void smallProfileConformsInGbk() throws IOException {
        TestBank.generated(dir).days(3).write();
        assertConforms(dir);
        assertThat(TableMeta.read(dir.resolve("20250101/CORE_CUSTOMER.20250101.meta"))
                        .charset())
                .isEqualTo(TableMeta.GBK);
        assertReferencesResolve(dir, "20250103");
    }

    @Test
    void smallProfileConformsInUtf8() throws IOException {
        TestBank.generated(dir).utf8(true).days(2).write();
        assertConforms(dir);
        assertThat(Files.readString(dir.resolve("20250102/EB_TXN.20250102.meta")))
                .contains("encoding=UTF-8");
        assertThat(Files.readString(dir.resolve("20250102/FIN_GL_BALANCE.20250102.meta")))
                .contains("encoding=GBK");
    }

    @Test
    void seedProfileAtATinyScaleConforms() throws IOException {
        TestBank.generated(dir).profile(Profile.SEED, 0.005).days(2).write();
        assertConforms(dir);
    }

    @Test
    void provinceProfileAtATinyScaleConforms() throws IOException {
        TestBank.generated(dir).profile(Profile.PROVINCE, 0.002).days(2).write();
        assertConforms(dir);
        Set<String> heads = new HashSet<>();
        YearFigures.each(dir, "CORE_ORG", TestBank.JAN_1, (m, r) -> {
            if (r[2].equals("1")) {
                heads.add(r[0]);
            }
        });
        assertThat(heads).hasSize(50);
    }

    static void assertConforms(Path inbox) throws IOException {
        DeliveryCheck.Report report = DeliveryCheck.check(inbox);
        assertThat(report.problems()).isEmpty();
        assertThat(report.rows()).isPositive();
    }

    /** Accounts' customers, cards' accounts, transactions' accounts, loans' contracts, devices' merchants. */
    static void assertReferencesResolve(Path inbox, String ymd) throws IOException {
        java.time.LocalDate d = java.time.LocalDate.parse(ymd, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        Set<String> customers = new HashSet<>();
        for (java.time.LocalDate x = TestBank.JAN_1; !x.isAfter(d); x = x.plusDays(1)) {
            YearFigures.each(inbox, "CORE_CUSTOMER", x, (m, r) -> customers.add(r[0]));
        }
        Set<String> accounts = new HashSet<>();
        YearFigures.each(inbox, "CORE_DEPOSIT_ACCT", d, (m, r) -> {
            accounts.add(r[0]);
            assertThat(customers).contains(r[1]);
        });
        YearFigures.each(inbox, "CORE_CARD", d, (m, r) -> assertThat(accounts).contains(r[1]));
        YearFigures.each(
                inbox, "CORE_DEPOSIT_TXN", d, (m, r) -> assertThat(accounts).contains(r[3]));
        Set<String> contracts = new HashSet<>();
        YearFigures.each(inbox, "CRED_LOAN_CONTRACT", d, (m, r) -> contracts.add(r[0]));
        YearFigures.each(inbox, "CRED_LOAN", d, (m, r) -> {
            assertThat(contracts).contains(r[1]);
            assertThat(accounts).contains(r[14]);
        });
        YearFigures.each(inbox, "CRED_GUARANTEE", d, (m, r) -> {
            assertThat(contracts).contains(r[0]);
            assertThat(customers).contains(r[1]);
        });
        Set<String> merchants = new HashSet<>();
        YearFigures.each(inbox, "ACQ_MERCHANT", d, (m, r) -> {
            merchants.add(r[0]);
            assertThat(accounts).contains(r[4]);
        });
        YearFigures.each(inbox, "EB_DEVICE", d, (m, r) -> {
            if (!r[5].isEmpty()) {
                assertThat(merchants).contains(r[5]);
            }
        });
        YearFigures.each(
                inbox, "ACQ_POS_TXN", d, (m, r) -> assertThat(merchants).contains(r[1]));
        Set<String> users = new HashSet<>();
        YearFigures.each(inbox, "EB_USER", d, (m, r) -> {
            users.add(r[0]);
            assertThat(customers).contains(r[1]);
            assertThat(accounts).contains(r[6]);
        });
        YearFigures.each(inbox, "EB_TXN", d, (m, r) -> assertThat(users).contains(r[1]));
    }
}
