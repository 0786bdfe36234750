package org.ruralbank.ingest.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ruralbank.platform.CoreOrgRow;
import org.ruralbank.platform.CoreStaffRow;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.StaffUsers;
import org.ruralbank.warehouse.DatePublished;
import org.ruralbank.warehouse.JournalEntry;
import org.ruralbank.warehouse.QueryResult;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the operational org tree and staff users in step with the bank: when a date is published, they follow the
 * CORE_ORG and CORE_STAFF of the latest published date (the published date itself, unless an earlier date was
 * redelivered behind later ones). Runs in the publisher's thread, after the date is committed.
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

    @EventListener
    void follow(DatePublished published) {
        Optional<LocalDate> latest = warehouse.journal().values().stream().filter(JournalEntry::published)
                .map(JournalEntry::date).max(Comparator.naturalOrder());
        if (latest.isEmpty() || warehouse.engine().columns("ods", "core_org").isEmpty()) {
            return;
        }
        List<Object> day = List.of(java.sql.Date.valueOf(latest.get()));
        QueryResult orgRows = warehouse.engine().query("select org_id, org_name, org_level, parent_org_id, town_name, "
                + "status from ods.core_org where biz_date = ? order by org_id", day, Integer.MAX_VALUE);
        List<CoreOrgRow> tree = new ArrayList<>();
        for (List<Object> r : orgRows.rows()) {
            int level;
            try {
                level = Integer.parseInt(String.valueOf(r.get(2)).strip());
            } catch (NumberFormatException e) {
                level = 0;
            }
            tree.add(new CoreOrgRow((String) r.get(0), (String) r.get(1), level, (String) r.get(3),
                    (String) r.get(4), (String) r.get(5)));
        }
        List<CoreStaffRow> staff = new ArrayList<>();
        if (!warehouse.engine().columns("ods", "core_staff").isEmpty()) {
            QueryResult staffRows = warehouse.engine().query("select staff_id, staff_name, org_id, post_code, status "
                    + "from ods.core_staff where biz_date = ? order by staff_id", day, Integer.MAX_VALUE);
            for (List<Object> r : staffRows.rows()) {
                staff.add(new CoreStaffRow((String) r.get(0), (String) r.get(1), (String) r.get(2),
                        (String) r.get(3), (String) r.get(4)));
            }
        }
        orgs.followCore(tree);
        users.followCore(staff);
    }
}
