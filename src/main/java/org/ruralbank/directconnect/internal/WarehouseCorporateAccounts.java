package org.ruralbank.directconnect.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ruralbank.directconnect.CorporateAccountSource;
import org.ruralbank.shared.Money;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Corporate accounts as of the warehouse's latest loaded business date: the core's deposit account snapshot
 * ({@code ods.core_deposit_acct}) joined to its company customer ({@code dw.dim_customer}, current version). Until
 * the warehouse holds a date, and for accounts it does not know yet (opened after its latest date), the
 * CSV-imported accounts answer instead.
 */
@Component
@Primary
class WarehouseCorporateAccounts implements CorporateAccountSource {

    private final Warehouse warehouse;
    private final ImportedCorporateAccounts imported;

    WarehouseCorporateAccounts(Warehouse warehouse, ImportedCorporateAccounts imported) {
        this.warehouse = warehouse;
        this.imported = imported;
    }

    @Override
    public Optional<LocalDate> latestDate() {
        return loaded().or(imported::latestDate);
    }

    @Override
    public Optional<CorporateAccount> find(String accountNo) {
        Optional<LocalDate> date = loaded();
        if (date.isEmpty()) {
            return imported.find(accountNo);
        }
        return rows(date.get(), accountNo, null).stream().findFirst().or(() -> imported.find(accountNo));
    }

    @Override
    public List<CorporateAccount> ofCustomer(String customerNo) {
        Optional<LocalDate> date = loaded();
        if (date.isEmpty()) {
            return imported.ofCustomer(customerNo);
        }
        List<CorporateAccount> known = rows(date.get(), null, customerNo);
        return known.isEmpty() ? imported.ofCustomer(customerNo) : known;
    }

    /** The latest business date whose deposit accounts are in the warehouse, if it has any. */
    private Optional<LocalDate> loaded() {
        return WarehouseReads.loadedDates(warehouse, "dw.dim_customer").map(d -> d[1]);
    }

    /** A row of {@code directconnect/corporate_accounts.sql}. */
    private record Row(
            String acctNo,
            String custName,
            String custId,
            String orgId,
            @Nullable String currency,
            BigDecimal balance,
            LocalDate bizDate) {}

    /** The company accounts of the date: one account, or every account of one customer. */
    private List<CorporateAccount> rows(LocalDate date, @Nullable String accountNo, @Nullable String customerNo) {
        return warehouse
                .queries()
                .named("directconnect/corporate_accounts")
                .bind("business_date", date)
                .bind("acct_no", accountNo)
                .bind("cust_id", customerNo)
                .list(Row.class)
                .stream()
                .map(r -> new CorporateAccount(
                        r.acctNo(),
                        r.custName(),
                        r.custId(),
                        r.orgId(),
                        r.currency() == null ? "CNY" : r.currency().strip(),
                        Money.fenOf(r.balance()),
                        r.bizDate()))
                .toList();
    }
}
