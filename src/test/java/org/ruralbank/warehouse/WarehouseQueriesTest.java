package org.ruralbank.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.StaffPrincipal;

/** The read front door on a real DuckDB file: binding, the org scope, unbuilt tables, headers, typed rows. */
class WarehouseQueriesTest {

    @TempDir
    Path home;

    Warehouse warehouse;

    record Account(String acctNo, LocalDate opened, BigDecimal balance, long txns) {}

    record Count(long accounts) {}

    @BeforeEach
    void accounts() {
        warehouse = Warehouse.under(home, false);
        WarehouseEngine e = warehouse.engine();
        e.execute("create schema mart");
        e.execute("create table mart.test_account (acct_no varchar, owner varchar, org_path varchar, opened date, "
                + "balance decimal(18, 2), txns integer)");
        e.execute("insert into mart.test_account values ('A1', 'li', '/H/A/', date '2025-01-02', 10.50, 3), "
                + "('A2', 'li', '/H/A/A1/', date '2025-02-03', 0.00, null), "
                + "('B1', 'li', '/H/B/', date '2025-03-04', 7.00, 1), "
                + "('B2', 'wang''s', '/H/B/', date '2025-03-04', 1.00, 1)");
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void readsRowsIntoRecordsByColumnName() {
        assertThat(accounts("li", OrgRows.of(OrgScope.everything())))
                .containsExactly(
                        new Account("A1", LocalDate.of(2025, 1, 2), new BigDecimal("10.50"), 3),
                        new Account("A2", LocalDate.of(2025, 2, 3), new BigDecimal("0.00"), 0),
                        new Account("B1", LocalDate.of(2025, 3, 4), new BigDecimal("7.00"), 1));
    }

    @Test
    void bindsValuesSoThatQuotesInThemStayData() {
        assertThat(accounts("li' or '1' = '1", OrgRows.of(OrgScope.everything())))
                .isEmpty();
        assertThat(accounts("wang's", OrgRows.of(OrgScope.everything())))
                .extracting(Account::acctNo)
                .containsExactly("B2");
    }

    @Test
    void showsOnlyTheRowsOfTheScopeAndOfTheSubtreeAsked() {
        OrgScope branchA =
                OrgScope.of(new StaffPrincipal(1, "u", "u", "A", "/H/A/", null, Set.of(), DataScope.ORG_AND_BELOW));
        assertThat(accounts("li", OrgRows.of(branchA)))
                .extracting(Account::acctNo)
                .containsExactly("A1", "A2");
        assertThat(accounts("li", new OrgRows(branchA, "/H/A/A1/")))
                .extracting(Account::acctNo)
                .containsExactly("A2");
        assertThat(accounts("li", new OrgRows(branchA, "/H/B/")))
                .as("a subtree never widens the scope")
                .isEmpty();
    }

    @Test
    void refusesToReadBankDataWithoutAScopeAndAScopeWhereNoBankDataIsRead() {
        assertThatThrownBy(() -> warehouse
                        .queries()
                        .named("test/accounts_by_owner")
                        .bind("owner", "li")
                        .list(Account.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OrgRows");
        assertThatThrownBy(
                        () -> warehouse.queries().named("test/account_count").within(OrgRows.of(OrgScope.everything())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAParameterLeftUnboundOrUnknown() {
        assertThatThrownBy(() -> warehouse
                        .queries()
                        .named("test/accounts_by_owner")
                        .within(OrgRows.of(OrgScope.everything()))
                        .list(Account.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("owner");
        assertThatThrownBy(() -> warehouse.queries().named("test/account_count").bind("owner", "li"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":owner");
    }

    @Test
    void returnsNoRowsWhileATableItReadsIsNotBuilt() {
        warehouse.engine().execute("drop table mart.test_account");
        assertThat(warehouse.queries().named("test/account_count").list(Count.class))
                .isEmpty();
    }

    @Test
    void failsOnAHeaderThatDoesNotTellTheTruth() {
        assertThatThrownBy(() -> warehouse.queries().named("test/lying_header").list(Count.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rows_counted");
        assertThatThrownBy(() -> warehouse.queries().named("test/undeclared_parameter"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("owner");
    }

    @Test
    void failsWhenReadOnAMacroAQueryCannotHaveNamingTheFile() {
        assertThatThrownBy(() -> warehouse.queries().named("test/unknown_macro"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("warehouse/queries/test/unknown_macro.sql")
                .hasMessageContaining("valid_at");
        assertThatThrownBy(() -> warehouse.queries().named("test/business_date_macro"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("warehouse/queries/test/business_date_macro.sql")
                .hasMessageContaining("biz_date");
    }

    private java.util.List<Account> accounts(String owner, OrgRows rows) {
        return warehouse
                .queries()
                .named("test/accounts_by_owner")
                .bind("owner", owner)
                .within(rows)
                .list(Account.class);
    }
}
