package org.ruralbank.appraisal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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

    /** The lines of {@code date} within {@code scope}; {@code accountNo} null or empty for every account. */
    public static List<Line> of(WarehouseQueries queries, LocalDate date, @Nullable String accountNo, OrgScope scope) {
        return queries.named("appraisal/ftp_accounts")
                .bind("business_date", date)
                .bind("account_no", accountNo == null ? "" : accountNo)
                .within(OrgRows.of(scope))
                .list(Line.class);
    }
}
