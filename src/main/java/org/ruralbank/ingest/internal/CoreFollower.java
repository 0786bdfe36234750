package org.ruralbank.ingest.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.CoreOrgRow;
import org.ruralbank.platform.CoreStaffRow;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.StaffUsers;
import org.ruralbank.warehouse.DatePublished;
import org.ruralbank.warehouse.Warehouse;
import org.ruralbank.warehouse.WarehouseQueries;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the operational org tree and staff users in step with the bank: when a date is published, they follow the
 * CORE_ORG and CORE_STAFF of the latest published date the announcement names (the published date itself, unless an
 * earlier date was redelivered behind later ones). Runs in the publisher's thread, after the date is committed.
 */
@Component
class CoreFollower {

    private final Warehouse warehouse;
    private final Orgs orgs;
    private final StaffUsers users;

    CoreFollower(Warehouse warehouse, Orgs orgs, StaffUsers users) {
        this.warehouse = warehouse;
        this.orgs = orgs;
        this.users = users;
    }

    /** One org as CORE_ORG delivers it; its level is parsed here, an unreadable one being 0. */
    private record OrgRow(
            String orgId,
            String orgName,
            @Nullable String orgLevel,
            @Nullable String parentOrgId,
            @Nullable String townName,
            String status) {

        CoreOrgRow core() {
            int level;
            try {
                level = Integer.parseInt(String.valueOf(orgLevel).strip());
            } catch (NumberFormatException e) {
                level = 0;
            }
            return new CoreOrgRow(orgId, orgName, level, parentOrgId, townName, status);
        }
    }

    @EventListener
    void follow(DatePublished published) {
        WarehouseQueries queries = warehouse.queries();
        List<CoreOrgRow> tree =
                queries.named("ingest/core_orgs").bind("biz_date", published.latestDate()).list(OrgRow.class).stream()
                        .map(OrgRow::core)
                        .toList();
        List<CoreStaffRow> staff = queries.named("ingest/core_staff")
                .bind("biz_date", published.latestDate())
                .list(CoreStaffRow.class);
        orgs.followCore(tree);
        users.followCore(staff);
    }
}
