package org.ruralbank.directconnect;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where corporate accounts and their opening balances come from when an enterprise is onboarded.
 *
 * <p>The data warehouse is the intended source: its latest loaded business date gives each corporate deposit
 * account, its name, owner and balance. Until the warehouse is wired, the built-in source answers from accounts
 * entered by staff at onboarding (or imported from a CSV file); a warehouse-backed implementation replaces it by
 * being declared as a bean of this type.
 */
public interface CorporateAccountSource {

    /** The business date the balances are as of (the warehouse's latest loaded date), if any is known. */
    Optional<LocalDate> latestDate();

    /** The account as of {@link #latestDate()}, if the source knows it. */
    Optional<CorporateAccount> find(String accountNo);

    /** Accounts of one customer (the core's customer number), for onboarding forms. */
    List<CorporateAccount> ofCustomer(String customerNo);

    /** A corporate account with its balance in fen as of {@code asOf}. */
    record CorporateAccount(
            String accountNo,
            String accountName,
            String customerNo,
            String orgId,
            String currency,
            long balanceFen,
            LocalDate asOf) {}
}
