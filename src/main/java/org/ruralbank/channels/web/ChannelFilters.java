package org.ruralbank.channels.web;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
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

    /** A month's short name in the page's language, as the charts and tables label it: 1月 in Chinese, Jan in English. */
    static String monthName(int month, Locale locale) {
        return Month.of(month).getDisplayName(TextStyle.SHORT, locale);
    }
}
