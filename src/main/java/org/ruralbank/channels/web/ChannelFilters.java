package org.ruralbank.channels.web;

import java.util.List;
import org.ruralbank.platform.Org;
import org.springframework.ui.Model;

/** What the search forms of the channel pages show, filled alike on every page (the defaults are {@code ChannelPeriod}'s). */
final class ChannelFilters {

    private ChannelFilters() {}

    /**
     * Puts what the year-and-org search form shows into the model: the year, the year and the two before it to choose
     * from, the chosen org and the org choices ({@code orgs}).
     */
    static void yearAndOrg(Model model, int year, String orgId, List<Org> orgs) {
        model.addAttribute("year", year);
        model.addAttribute("years", List.of(year - 2, year - 1, year));
        model.addAttribute("org", orgId);
        model.addAttribute("orgs", orgs);
    }
}
