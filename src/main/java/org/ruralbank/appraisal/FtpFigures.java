package org.ruralbank.appraisal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/** FTP margins rolled up by org and by staff (by credit share) for the FTP page, within the user's scope. */
@Service
public class FtpFigures {

    private final Warehouse warehouse;

    FtpFigures(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public record ByOrg(
            String orgId,
            @Nullable String orgName,
            String orgPath,
            String accountKind,
            BigDecimal balance,
            BigDecimal margin,
            BigDecimal marginMtd) {}

    public record ByStaff(
            String staffId,
            @Nullable String staffName,
            @Nullable String orgId,
            @Nullable String orgPath,
            BigDecimal creditedBalance,
            BigDecimal margin,
            BigDecimal marginMtd) {}

    private record LastDate(@Nullable LocalDate lastDate) {}

    /** The last date with FTP figures, if any. */
    public Optional<LocalDate> lastDate() {
        return warehouse
                .queries()
                .named("appraisal/ftp_last_date")
                .first(LastDate.class)
                .map(LastDate::lastDate);
    }

    public List<ByOrg> byOrg(LocalDate date, StaffPrincipal staff) {
        return warehouse
                .queries()
                .named("appraisal/ftp_by_org")
                .bind("business_date", date)
                .within(OrgRows.of(staff.scope()))
                .list(ByOrg.class);
    }

    /** Staff figures: a customer manager (own-customers scope) sees their own row only. */
    public List<ByStaff> byStaff(LocalDate date, StaffPrincipal staff) {
        String own =
                staff.dataScope() == DataScope.OWN_CUSTOMERS ? (staff.staffId() == null ? "-" : staff.staffId()) : "";
        return warehouse
                .queries()
                .named("appraisal/ftp_by_staff")
                .bind("business_date", date)
                .bind("staff_id", own)
                .within(OrgRows.of(staff.scope()))
                .list(ByStaff.class);
    }
}
