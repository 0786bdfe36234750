package org.ruralbank.directconnect.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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

    private static final String SELECT = """
            select a.acct_no, c.cust_name, a.cust_id, a.org_id, a.currency, a.balance, a.biz_date
              from ods.core_deposit_acct a
              join dw.dim_customer c on c.cust_id = a.cust_id and c.valid_to = date '9999-12-31'
             where a.biz_date = ? and c.cust_type = 'C' and a.acct_status <> 'C'
            """;

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
        return rows(SELECT + " and a.acct_no = ?", date.get(), accountNo).stream().findFirst()
                .or(() -> imported.find(accountNo));
    }

    @Override
    public List<CorporateAccount> ofCustomer(String customerNo) {
        Optional<LocalDate> date = loaded();
        if (date.isEmpty()) {
            return imported.ofCustomer(customerNo);
        }
        List<CorporateAccount> known = rows(SELECT + " and a.cust_id = ? order by a.acct_no", date.get(), customerNo);
        return known.isEmpty() ? imported.ofCustomer(customerNo) : known;
    }

    /** The latest business date whose deposit accounts are in the warehouse, if it has any. */
    private Optional<LocalDate> loaded() {
        return WarehouseReads.loadedDates(warehouse, "dw.dim_customer").map(d -> d[1]);
    }

    private List<CorporateAccount> rows(String sql, LocalDate date, String key) {
        var r = warehouse.engine().query(sql, List.of(Date.valueOf(date), key), 10_000);
        return r.rows().stream().map(row -> new CorporateAccount((String) row.get(0), (String) row.get(1),
                (String) row.get(2), (String) row.get(3), row.get(4) == null ? "CNY" : ((String) row.get(4)).strip(),
                Money.fenOf((BigDecimal) row.get(5)), WarehouseReads.date(row.get(6)))).toList();
    }
}
