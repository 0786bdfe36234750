package org.ruralbank.appraisal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.WarehouseQueries;

/** The day's FTP figures per account (the versions of {@code mart.ftp_account} valid on it) and the treasury's. */
public final class FtpMargins {

    private FtpMargins() {}

    /** One account's (or the treasury's) FTP figures of a day. */
    public record Line(
            LocalDate bizDate,
            String accountNo,
            String accountKind,
            String orgId,
            String productCode,
            BigDecimal balance,
            @Nullable BigDecimal customerRate,
            @Nullable BigDecimal ftpRate,
            @Nullable LocalDate curveDate,
            @Nullable Integer termDays,
            @Nullable BigDecimal interest,
            BigDecimal ftpAmount,
            BigDecimal margin) {}

    /** The most lines one query reads: a date's lines are read page by page. */
    static final int PAGE_SIZE = 50_000;

    /** The lines of {@code date} within {@code scope}; {@code accountNo} null or empty for every account. */
    public static List<Line> of(WarehouseQueries queries, LocalDate date, @Nullable String accountNo, OrgScope scope) {
        List<Line> all = new ArrayList<>();
        each(queries, date, accountNo, scope, all::add);
        return List.copyOf(all);
    }

    /**
     * Hands each line of {@code date} within {@code scope} to {@code sink}, in account-kind and account order with the
     * treasury's last, reading a page of lines at a time (a bank's book is more lines than one query may return);
     * returns how many lines there were.
     */
    public static long each(
            WarehouseQueries queries, LocalDate date, @Nullable String accountNo, OrgScope scope, Consumer<Line> sink) {
        return each(queries, date, accountNo, scope, PAGE_SIZE, sink);
    }

    static long each(
            WarehouseQueries queries,
            LocalDate date,
            @Nullable String accountNo,
            OrgScope scope,
            int pageSize,
            Consumer<Line> sink) {
        String after = "";
        long count = 0;
        while (true) {
            List<Line> page = queries.named("appraisal/ftp_accounts")
                    .bind("business_date", date)
                    .bind("account_no", accountNo == null ? "" : accountNo)
                    .bind("after", after)
                    .bind("page_size", pageSize)
                    .within(OrgRows.of(scope))
                    .list(Line.class);
            page.forEach(sink);
            count += page.size();
            if (page.size() < pageSize) {
                return count;
            }
            after = sortKey(page.get(page.size() - 1));
        }
    }

    /** A line's place in the order, as the query spells it: rank (the treasury last), kind, account. */
    private static String sortKey(Line l) {
        return ("TREASURY".equals(l.accountKind()) ? "2" : "1") + "|" + l.accountKind() + "|" + l.accountNo();
    }
}
