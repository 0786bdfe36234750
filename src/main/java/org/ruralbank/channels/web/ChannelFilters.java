package org.ruralbank.channels.web;

import java.util.List;
import org.ruralbank.platform.Org;
import org.springframework.ui.Model;

/** What the search forms of the channel pages show, filled alike on every page (the defaults are {@code ChannelPeriod}'s). */
final class ChannelFilters {

    private ChannelFilters() {}

    /**
     * Puts what the year-and-org search form shows into the model: the year, the years to choose from (every year
     * the warehouse holds, {@code ChannelPeriod.years}), the chosen org and the org choices ({@code orgs}).
     */
    static void yearAndOrg(Model model, int year, List<Integer> years, String orgId, List<Org> orgs) {
        model.addAttribute("year", year);
        model.addAttribute("years", years);
        model.addAttribute("org", orgId);
        model.addAttribute("orgs", orgs);
    }
}
