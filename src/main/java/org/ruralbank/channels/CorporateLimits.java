package org.ruralbank.channels;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/**
 * Corporate online-banking limits against the rules: the head office caps every enterprise at 2,000万 per
 * transaction and 5,000万 per day; branches open each at 200万 / 500万 and may raise it on request up to the cap.
 * Lists, as of a date, every corporate user whose limits break the cap and every one not on the branch default.
 */
@Service
public class CorporateLimits {

    public static final BigDecimal CEILING_SINGLE = new BigDecimal("20000000.00");
    public static final BigDecimal CEILING_DAILY = new BigDecimal("50000000.00");
    public static final BigDecimal DEFAULT_SINGLE = new BigDecimal("2000000.00");
    public static final BigDecimal DEFAULT_DAILY = new BigDecimal("5000000.00");

    private final Warehouse warehouse;
    private final ChannelReads reads;

    CorporateLimits(Warehouse warehouse, ChannelReads reads) {
        this.warehouse = warehouse;
        this.reads = reads;
    }

    /** One corporate user off the default; {@code breach} when either limit is above the head office's cap. */
    public record Limit(
            String userId,
            String custId,
            String orgId,
            LocalDate signDate,
            String status,
            BigDecimal single,
            BigDecimal daily,
            boolean breach) {}

    /** The date the limits are read at (null when nothing is built), the corporate users, and those listed. */
    public record View(LocalDate asOf, long corporateUsers, long breaches, List<Limit> limits) {}

    private record UserLimits(
            String ebUserId,
            String custId,
            String signOrgId,
            LocalDate signDate,
            String status,
            BigDecimal singleLimit,
            BigDecimal dailyLimit,
            boolean breach,
            boolean offDefault) {}

    public View of(@Nullable String orgId, @Nullable LocalDate asOf, OrgScope scope) {
        OrgRows rows = reads.rows(orgId, scope);
        if (asOf == null || !warehouse.engine().tables("dw").contains("dim_eb_user")) {
            return new View(null, 0, 0, List.of());
        }
        // a user without recorded limits breaches nothing; left NULL, it would sort after every other user
        List<UserLimits> users = warehouse
                .queries()
                .named("channels/corporate_limits")
                .bind("business_date", asOf)
                .bind("ceiling_single", CEILING_SINGLE)
                .bind("ceiling_daily", CEILING_DAILY)
                .bind("default_single", DEFAULT_SINGLE)
                .bind("default_daily", DEFAULT_DAILY)
                .within(rows)
                .list(UserLimits.class);
        List<Limit> limits = users.stream()
                .filter(u -> u.breach() || u.offDefault())
                .map(u -> new Limit(
                        u.ebUserId(),
                        u.custId(),
                        u.signOrgId(),
                        u.signDate(),
                        u.status(),
                        u.singleLimit(),
                        u.dailyLimit(),
                        u.breach()))
                .toList();
        return new View(
                asOf, users.size(), users.stream().filter(UserLimits::breach).count(), limits);
    }
}
