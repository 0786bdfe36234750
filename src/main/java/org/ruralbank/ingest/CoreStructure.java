package org.ruralbank.ingest;

import java.time.LocalDate;

/**
 * Told after each run that published dates, with the latest published business date: the operational org tree
 * and staff list follow that date's CORE_ORG and CORE_STAFF.
 */
@FunctionalInterface
public interface CoreStructure {

    void follow(LocalDate bizDate, java.util.List<org.ruralbank.platform.CoreOrgRow> orgs,
            java.util.List<org.ruralbank.platform.CoreStaffRow> staff);

    CoreStructure NONE = (date, orgs, staff) -> {
    };
}
