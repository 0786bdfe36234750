package org.ruralbank.channels;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/**
 * What a channel figure reads within a page's filter: the warehouse rows of the user's scope, narrowed to the chosen
 * org's subtree, and the days of the period a mart holds. An org outside the user's scope is not found.
 */
@Service
class ChannelReads {

    private final Warehouse warehouse;
    private final Orgs orgs;

    ChannelReads(Warehouse warehouse, Orgs orgs) {
        this.warehouse = warehouse;
        this.orgs = orgs;
    }

    /** The days a mart holds within a filter's period; {@code firstDate} and {@code lastDate} null when none. */
    record DataDates(
            @Nullable LocalDate firstDate, @Nullable LocalDate lastDate, long days) {

        static final DataDates NONE = new DataDates(null, null, 0);

        boolean any() {
            return lastDate != null;
        }
    }

    /** The orgs within the scope. */
    List<Org> orgs(OrgScope scope) {
        return orgs.list(scope);
    }

    /** The org {@code orgId} within the scope; one outside it is not found. */
    Org org(String orgId, OrgScope scope) {
        return orgs.find(orgId, scope).orElseThrow(() -> new NotFound("org", orgId));
    }

    /** The warehouse rows of {@code scope}, narrowed to {@code orgId}'s subtree when given; an org outside the scope is not found. */
    OrgRows rows(@Nullable String orgId, OrgScope scope) {
        if (orgId == null || orgId.isBlank()) {
            return OrgRows.of(scope);
        }
        return new OrgRows(scope, org(orgId, scope).path());
    }

    /** The days of {@code from}–{@code to} that the mart of {@code datesQuery} (e.g. {@code channels/ebank_dates}) holds. */
    DataDates dataDates(String datesQuery, LocalDate from, LocalDate to) {
        return warehouse
                .queries()
                .named(datesQuery)
                .between(from, to)
                .first(DataDates.class)
                .orElse(DataDates.NONE);
    }
}
