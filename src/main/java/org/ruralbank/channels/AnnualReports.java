package org.ruralbank.channels;

import org.ruralbank.platform.OrgScope;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/** The annual report for the web pages: the warehouse's figures and the year's card plan within a scope. */
@Service
public class AnnualReports {

    private final Warehouse warehouse;
    private final Targets targets;

    AnnualReports(Warehouse warehouse, Targets targets) {
        this.warehouse = warehouse;
        this.targets = targets;
    }

    public AnnualReport of(int year, OrgScope scope) {
        return AnnualReport.compute(warehouse.engine(), year, scope, targets.total(year, Indicator.NEW_CARDS, scope));
    }
}
