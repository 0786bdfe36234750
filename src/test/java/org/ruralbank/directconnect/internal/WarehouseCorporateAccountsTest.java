package org.ruralbank.directconnect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.ruralbank.directconnect.CorporateAccountSource.CorporateAccount;
import org.ruralbank.warehouse.Warehouse;

/** Corporate accounts and opening balances come from the warehouse's latest loaded date (a hand-built one here). */
class WarehouseCorporateAccountsTest {

    @Test
    void answersFromTheLatestLoadedDateAndOnlyForCompanies() throws Exception {
        Path home = Files.createTempDirectory("rb-dc-wh-");
        try (Warehouse warehouse = Warehouse.under(home, false)) {
            WarehouseCorporateAccounts source =
                    new WarehouseCorporateAccounts(warehouse, new ImportedCorporateAccounts(home.toString()));
            assertThat(source.latestDate()).isEmpty();
            assertThat(source.find("6201")).isEmpty();

            var db = warehouse.engine();
            db.execute("create schema ods");
            db.execute("create schema dw");
            db.execute("create table ods.core_deposit_acct (acct_no varchar, cust_id varchar, org_id varchar, "
                    + "currency varchar, balance decimal(18,2), acct_status varchar, biz_date date)");
            db.execute("create table dw.dim_customer (cust_id varchar, cust_type varchar, cust_name varchar, "
                    + "valid_from date, valid_to date)");
            db.execute("insert into dw.dim_customer values "
                    + "('C1', 'C', '旧名称水厂', date '2025-01-01', date '2025-01-01'), "
                    + "('C1', 'C', '县自来水厂', date '2025-01-02', date '9999-12-31'), "
                    + "('P1', 'P', '张伟', date '2025-01-01', date '9999-12-31')");
            db.execute("insert into ods.core_deposit_acct values "
                    + "('6201', 'C1', '8801001', 'CNY', 100.00, 'N', date '2025-01-01'), "
                    + "('6201', 'C1', '8801001', 'CNY', 12345678.91, 'N', date '2025-01-02'), "
                    + "('6202', 'C1', '8801001', 'CNY', 5.00, 'C', date '2025-01-02'), "
                    + "('6203', 'P1', '8801001', 'CNY', 77.00, 'N', date '2025-01-02')");

            assertThat(source.latestDate()).contains(LocalDate.of(2025, 1, 2));
            assertThat(source.find("6201"))
                    .contains(new CorporateAccount(
                            "6201", "县自来水厂", "C1", "8801001", "CNY", 1_234_567_891L, LocalDate.of(2025, 1, 2)));
            assertThat(source.find("6203"))
                    .as("a person's account is not a corporate account")
                    .isEmpty();
            Files.createDirectories(home.resolve("directconnect"));
            Files.writeString(
                    home.resolve("directconnect/corporate-accounts.csv"),
                    "account_no,account_name,customer_no,org_id,balance_yuan,as_of\n"
                            + "6299,新开户,C9,8801001,10.50,2025-01-03\n");
            assertThat(source.find("6299"))
                    .as("an account opened after the warehouse's date comes from the import")
                    .map(CorporateAccount::balanceFen)
                    .contains(1050L);
            assertThat(source.ofCustomer("C1"))
                    .extracting(CorporateAccount::accountNo)
                    .as("closed accounts are not offered")
                    .containsExactly("6201");
        }
    }
}
