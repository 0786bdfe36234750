package org.ruralbank.directconnect.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ruralbank.directconnect.BusinessCalendar;
import org.ruralbank.directconnect.CoreBanking;
import org.ruralbank.directconnect.CoreBanking.Entry;
import org.ruralbank.shared.Money;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.stereotype.Component;

/**
 * An account's statement over closed business dates. The core is the book of record, and the bank receives its
 * postings the next day: for the dates the warehouse has loaded, the entries are the core's postings of the
 * account ({@code dw.fact_deposit_txn}, with the counterparty and memo of {@code ods.core_deposit_txn}) and the
 * balances the core's end-of-day balances ({@code dw.deposit_balance}); for the later dates, not loaded yet, the
 * entries are the ledger's, added to the warehouse's latest balance. An account the warehouse does not know (one
 * entered by staff) is stated from the ledger alone.
 *
 * <p>The warehouse holds an account from the first date it delivered it on: before that date the statement shows
 * no entries and the balance the account started that date with (zero for an account opened that day).
 */
@Component
class Statements {

    private final CoreBanking core;
    private final Warehouse warehouse;

    Statements(CoreBanking core, Warehouse warehouse) {
        this.core = core;
        this.warehouse = warehouse;
    }

    /** The statement of business dates {@code from..to}, all before {@code today}, with the account's name as given. */
    IsoReports.AccountPart statement(
            String accountNo, String accountName, LocalDate from, LocalDate to, LocalDate today) {
        Optional<Books> books = books(accountNo);
        if (books.isEmpty()) {
            return fromLedger(accountNo, accountName, from, to, today);
        }
        LocalDate latest = books.get().latest();
        List<Version> versions = books.get().versions();
        long opening = from.isAfter(latest)
                ? endOfDay(accountNo, versions, latest) + ledgerNet(accountNo, latest.plusDays(1), from.minusDays(1))
                : endOfDay(accountNo, versions, from.minusDays(1));
        long closing = to.isAfter(latest)
                ? endOfDay(accountNo, versions, latest) + ledgerNet(accountNo, latest.plusDays(1), to)
                : endOfDay(accountNo, versions, to);
        return new IsoReports.AccountPart(
                accountNo, accountName, opening, closing, closing, entries(accountNo, books.get(), from, to));
    }

    /** The account's entries of business dates {@code from..to}, from the same books as its statement. */
    List<Entry> entries(String accountNo, LocalDate from, LocalDate to) {
        return books(accountNo)
                .map(b -> entries(accountNo, b, from, to))
                .orElseGet(() -> core.entries(accountNo, from, to));
    }

    /** The warehouse's latest date and its balance versions of the account, when it knows the account. */
    private record Books(LocalDate latest, List<Version> versions) {}

    private Optional<Books> books(String accountNo) {
        return WarehouseReads.loadedDates(warehouse, "dw.deposit_balance", "dw.fact_deposit_txn")
                .map(d -> new Books(d[1], versions(accountNo)))
                .filter(b -> !b.versions().isEmpty());
    }

    private List<Entry> entries(String accountNo, Books books, LocalDate from, LocalDate to) {
        LocalDate latest = books.latest();
        List<Entry> entries = new ArrayList<>();
        if (!from.isAfter(latest)) {
            entries.addAll(postings(accountNo, from, to.isAfter(latest) ? latest : to));
        }
        if (to.isAfter(latest)) {
            entries.addAll(core.entries(accountNo, from.isAfter(latest) ? from : latest.plusDays(1), to));
        }
        return entries;
    }

    /** The ledger's view, as before the warehouse: its balance less what was booked after the period. */
    private IsoReports.AccountPart fromLedger(
            String accountNo, String accountName, LocalDate from, LocalDate to, LocalDate today) {
        long closing = core.balance(accountNo).orElseThrow().bookedFen()
                - ledgerNet(accountNo, to.plusDays(1), today.plusDays(1));
        List<Entry> entries = core.entries(accountNo, from, to);
        return new IsoReports.AccountPart(accountNo, accountName, closing - booked(entries), closing, closing, entries);
    }

    /** A version of the account's end-of-day balance: valid on the dates {@code from..to}. */
    private record Version(LocalDate from, LocalDate to, long balanceFen) {}

    private List<Version> versions(String accountNo) {
        return warehouse
                .queries()
                .named("directconnect/balance_versions")
                .bind("acct_no", accountNo)
                .list(BalanceVersion.class)
                .stream()
                .map(v -> new Version(v.validFrom(), v.validTo(), Money.fenOf(v.balance())))
                .toList();
    }

    /**
     * The core's balance at the end of {@code date}: the version valid then; before the account's first date, the
     * balance it started that date with; after its last version (closed), zero.
     */
    private long endOfDay(String accountNo, List<Version> versions, LocalDate date) {
        for (Version v : versions) {
            if (!date.isBefore(v.from()) && !date.isAfter(v.to())) {
                return v.balanceFen();
            }
        }
        Version first = versions.get(0);
        if (date.isBefore(first.from())) {
            return first.balanceFen() - booked(postings(accountNo, first.from(), first.from()));
        }
        return 0;
    }

    /** A row of {@code directconnect/balance_versions.sql}. */
    private record BalanceVersion(LocalDate validFrom, LocalDate validTo, BigDecimal balance) {}

    /** A row of {@code directconnect/account_postings.sql}. */
    private record Posting(
            LocalDate bizDate,
            String txnSeq,
            LocalDateTime txnTime,
            BigDecimal signedAmount,
            String txnCode,
            boolean reversal,
            @Nullable String oppAcctNo,
            @Nullable String oppName,
            @Nullable String memo) {}

    private List<Entry> postings(String accountNo, LocalDate from, LocalDate to) {
        List<Entry> entries = new ArrayList<>();
        for (Posting p : warehouse
                .queries()
                .named("directconnect/account_postings")
                .bind("acct_no", accountNo)
                .between(from, to)
                .list(Posting.class)) {
            String counterparty =
                    String.join(" ", nz(p.oppAcctNo()), nz(p.oppName())).trim();
            String memo = (nz(p.memo()) + (p.reversal() ? " 冲正 reversal" : "")).trim();
            entries.add(new Entry(
                    p.txnSeq(),
                    accountNo,
                    counterparty.isEmpty() ? null : counterparty,
                    Money.fenOf(p.signedAmount()),
                    CoreBanking.Kind.POSTED,
                    p.txnCode(),
                    memo.isEmpty() ? null : memo,
                    p.bizDate(),
                    p.txnTime().atZone(BusinessCalendar.BANK_ZONE).toInstant(),
                    0));
        }
        return entries;
    }

    /** The ledger's booked movement over business dates {@code from..to} (none when from is after to). */
    private long ledgerNet(String accountNo, LocalDate from, LocalDate to) {
        return from.isAfter(to) ? 0 : booked(core.entries(accountNo, from, to));
    }

    /** The sum of the booked (not merely reserved) entries. */
    static long booked(List<Entry> entries) {
        return entries.stream()
                .filter(e -> e.kind() == CoreBanking.Kind.POSTED || e.kind() == CoreBanking.Kind.POST)
                .mapToLong(Entry::signedAmountFen)
                .sum();
    }

    private static String nz(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
