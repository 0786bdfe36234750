package org.ruralbank.directconnect.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ruralbank.directconnect.CorporateAccountSource;
import org.ruralbank.shared.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The built-in source of corporate accounts until the warehouse is wired: a CSV file the bank exports from the
 * core, {@code <home>/directconnect/corporate-accounts.csv}, with a header line and the columns
 * {@code account_no,account_name,customer_no,org_id,balance_yuan,as_of} (UTF-8). Staff may also type an opening
 * balance at onboarding, which then takes precedence. A warehouse-backed {@link CorporateAccountSource} bean
 * marked {@code @Primary} replaces this one.
 */
@Component
class ImportedCorporateAccounts implements CorporateAccountSource {

    private final Path file;

    ImportedCorporateAccounts(@Value("${ruralbank.home:./data}") String home) {
        this.file = Path.of(home, "directconnect", "corporate-accounts.csv");
    }

    @Override
    public Optional<LocalDate> latestDate() {
        return all().stream().map(CorporateAccount::asOf).max(Comparator.naturalOrder());
    }

    @Override
    public Optional<CorporateAccount> find(String accountNo) {
        return all().stream().filter(a -> a.accountNo().equals(accountNo)).findFirst();
    }

    @Override
    public List<CorporateAccount> ofCustomer(String customerNo) {
        return all().stream().filter(a -> a.customerNo().equals(customerNo)).toList();
    }

    private List<CorporateAccount> all() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<CorporateAccount> list = new ArrayList<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",", -1);
                if (f.length < 6) {
                    continue;
                }
                Optional<Long> fen =
                        Money.tryParseYuan(f[4]).filter(m -> m.signum() >= 0).map(Money::fen);
                if (fen.isEmpty()) {
                    continue;
                }
                list.add(new CorporateAccount(
                        f[0].trim(),
                        f[1].trim(),
                        f[2].trim(),
                        f[3].trim(),
                        "CNY",
                        fen.get(),
                        LocalDate.parse(f[5].trim())));
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
