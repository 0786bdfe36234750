package org.ruralbank.channels;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.PageOf;
import org.ruralbank.shared.Masking;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/**
 * The e-banking sign-ups behind a user figure of the channel pages (personal or corporate online banking, mobile
 * banking, SMS alerts), counted as {@code mart.ebank_org_daily} counts them: those of one kind valid on the period's
 * last data date, by signing org. Account numbers are masked; an org outside the scope is not found.
 */
@Service
public class EbankUsers {

    /** A kind of sign-up. */
    public enum Kind {
        PNET,
        CNET,
        MOB,
        SMS
    }

    /** One sign-up, its account number masked. */
    public record UserLine(
            String ebUserId, String custId, String acctNo, String signOrgId, LocalDate signDate, String status) {}

    /** One page of the sign-ups of a kind an org signed ({@code below}: with the orgs below it); none without a date. */
    public record UserList(
            Org org, Kind kind, boolean below, @Nullable LocalDate on, PageOf<UserLine> users) {}

    private record UserRow(
            String ebUserId,
            String custId,
            @Nullable String acctNo,
            String signOrgId,
            LocalDate signDate,
            String status,
            long totalUsers) {}

    private final Warehouse warehouse;
    private final ChannelReads reads;

    EbankUsers(Warehouse warehouse, ChannelReads reads) {
        this.warehouse = warehouse;
        this.reads = reads;
    }

    /** The sign-ups of {@code kind} of {@code orgId} on the last date the period holds, one page of them. */
    public UserList of(
            String orgId, Kind kind, boolean below, ChannelPeriod.Filter period, int page, int size, OrgScope scope) {
        Org org = reads.org(orgId, scope);
        ChannelReads.DataDates dates = reads.dataDates("channels/ebank_dates", period.from(), period.to());
        if (!dates.any()) {
            return new UserList(org, kind, below, null, new PageOf<>(List.of(), page, size, 0));
        }
        List<UserRow> rows = warehouse
                .queries()
                .named("channels/ebank_users_of_org")
                .bind("org_id", orgId)
                .bind("with_below", below ? "Y" : "N")
                .bind("eb_type", kind.name())
                .bind("on_date", dates.lastDate())
                .bind("page_size", size)
                .bind("page_offset", (long) (page - 1) * size)
                .within(OrgRows.of(scope))
                .list(UserRow.class);
        List<UserLine> lines = rows.stream()
                .map(r -> new UserLine(
                        r.ebUserId(),
                        r.custId(),
                        Objects.requireNonNullElse(Masking.cardNo(r.acctNo()), ""),
                        r.signOrgId(),
                        r.signDate(),
                        r.status()))
                .toList();
        long total = rows.isEmpty() ? 0 : rows.get(0).totalUsers();
        return new UserList(org, kind, below, dates.lastDate(), new PageOf<>(lines, page, size, total));
    }
}
