package org.ruralbank.directconnect.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ruralbank.directconnect.BusinessCalendar;
import org.ruralbank.directconnect.CoreBanking;
import org.ruralbank.directconnect.CoreBanking.Balance;
import org.ruralbank.directconnect.Problems;
import org.ruralbank.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What an authenticated enterprise can do: every account access passes its grants. */
@Service
public class PartnerOperations {

    public static final int MAX_TRANSACTIONS_PER_MESSAGE = 5000;
    /** Compiled once: {@code String.matches} compiles its expression again on every call. */
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    private final CoreBanking core;
    private final Directory directory;
    private final Payments payments;
    private final Statements statements;
    private final BusinessCalendar calendar;
    private final JdbcClient db;
    private final Clock clock;

    PartnerOperations(
            CoreBanking core,
            Directory directory,
            Payments payments,
            Statements statements,
            BusinessCalendar calendar,
            JdbcClient db,
            Clock clock) {
        this.core = core;
        this.directory = directory;
        this.payments = payments;
        this.statements = statements;
        this.calendar = calendar;
        this.db = db;
        this.clock = clock;
    }

    public record AccountView(
            String accountNo,
            String accountName,
            boolean own,
            boolean canView,
            boolean canPay,
            boolean canSweep,
            String currency,
            String bookedBalance,
            String availableBalance) {}

    /** The accounts the enterprise may view, with balances. */
    public List<AccountView> accounts(String enterpriseId) {
        List<AccountView> list = new ArrayList<>();
        for (Directory.Grant g : directory.grants(enterpriseId)) {
            if (!g.canView()) {
                continue;
            }
            Balance b = core.balance(g.accountNo()).orElseThrow();
            list.add(new AccountView(
                    g.accountNo(),
                    g.accountName(),
                    enterpriseId.equals(g.ownerEnterpriseId()),
                    g.canView(),
                    g.canPay(),
                    g.canSweep(),
                    "CNY",
                    Money.yuanText(b.bookedFen()),
                    Money.yuanText(b.availableFen())));
        }
        return list;
    }

    public Directory.Grant viewable(String enterpriseId, String accountNo) {
        return directory
                .grant(enterpriseId, accountNo)
                .filter(Directory.Grant::canView)
                .orElseThrow(() -> new Problems.Problem(
                        404, "not-granted", "no account " + accountNo + " among those the enterprise may view"));
    }

    /** camt.052 for one account, or for every viewable account when {@code accountNo} is null. */
    public String intradayReport(String enterpriseId, String accountNo) {
        LocalDate today = calendar.today();
        List<Directory.Grant> grants = accountNo == null
                ? directory.grants(enterpriseId).stream()
                        .filter(Directory.Grant::canView)
                        .toList()
                : List.of(viewable(enterpriseId, accountNo));
        List<IsoReports.AccountPart> parts = new ArrayList<>();
        for (Directory.Grant g : grants) {
            Balance b = core.balance(g.accountNo()).orElseThrow();
            var entries = core.entries(g.accountNo(), today, today);
            long todayPosted = Statements.booked(entries);
            parts.add(new IsoReports.AccountPart(
                    g.accountNo(),
                    g.accountName(),
                    b.bookedFen() - todayPosted,
                    b.bookedFen(),
                    b.availableFen(),
                    entries));
        }
        return IsoReports.intraday(messageId("R"), clock.instant(), today, parts);
    }

    /**
     * camt.053 for closed business dates {@code from..to}: the core's postings and balances from the warehouse for
     * the dates it has loaded, the ledger's entries after them (see {@link Statements}).
     */
    public String statement(String enterpriseId, String accountNo, LocalDate from, LocalDate to) {
        Directory.Grant g = viewable(enterpriseId, accountNo);
        LocalDate today = calendar.today();
        if (from == null || to == null || from.isAfter(to)) {
            throw new Problems.Problem(400, "bad-request", "from and to (ISO dates, from <= to) are required");
        }
        if (!to.isBefore(today)) {
            throw new Problems.Problem(
                    400,
                    "bad-request",
                    "statements cover closed business dates (before " + today
                            + "); today's entries are in the camt.052 intraday report");
        }
        if (from.isBefore(to.minusDays(366))) {
            throw new Problems.Problem(400, "bad-request", "a statement covers at most one year");
        }
        return IsoReports.statement(
                messageId("S"),
                clock.instant(),
                from,
                to,
                List.of(statements.statement(accountNo, g.accountName(), from, to, today)));
    }

    /** Entries of business dates {@code from..to}: the core's for the dates the warehouse has loaded, the ledger's after. */
    public List<CoreBanking.Entry> entries(String enterpriseId, String accountNo, LocalDate from, LocalDate to) {
        viewable(enterpriseId, accountNo);
        if (from == null || to == null || from.isAfter(to) || from.isBefore(to.minusDays(366))) {
            throw new Problems.Problem(400, "bad-request", "from and to (ISO dates, from <= to, at most a year)");
        }
        return statements.entries(accountNo, from, to);
    }

    /** A JSON payment; the request's {@code nonce}, when given, is recorded in the payment's transaction. */
    public PaymentResult pay(
            String enterpriseId,
            Nonces.Claim nonce,
            String idempotencyKey,
            String debitAccount,
            String creditAccount,
            String creditorName,
            String creditorBank,
            String amount,
            String currency) {
        if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new Problems.Problem(
                    400, "bad-request", "header Idempotency-Key (1 to 100 characters [A-Za-z0-9_.:-]) is required");
        }
        return payments.execute(
                new PaymentOrder(
                        enterpriseId,
                        "JSON:" + idempotencyKey,
                        "JSON",
                        null,
                        null,
                        null,
                        debitAccount,
                        creditAccount,
                        creditorName,
                        creditorBank,
                        amount,
                        currency == null ? "CNY" : currency,
                        calendar.today()),
                nonce);
    }

    public Optional<PaymentResult> payment(String enterpriseId, String idempotencyKey) {
        return db.sql("select instruction_id, status, reason_code, reason_text, transfer_id from dc_instruction "
                        + "where enterprise_id = :e and idem_key = :k")
                .param("e", enterpriseId)
                .param("k", "JSON:" + idempotencyKey)
                .query((rs, i) -> new PaymentResult(
                        rs.getLong(1),
                        idempotencyKey,
                        rs.getString(2),
                        Refusal.stored(rs.getString(3), rs.getString(4)),
                        rs.getString(5),
                        true))
                .optional();
    }

    private String messageId(String prefix) {
        return messageId(prefix, clock);
    }

    /** An id for a message the bank writes (a report, a statement). */
    static String messageId(String prefix, Clock clock) {
        Instant now = clock.instant();
        return prefix + now.toEpochMilli() + Long.toString(System.nanoTime() % 100000, 36);
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
