package org.ruralbank.channels.web;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.channels.ChannelMeasure;
import org.ruralbank.channels.ChannelPeriod;
import org.ruralbank.channels.OrgComparisons;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
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

    /**
     * Puts the page's org-by-org comparison table into the model ({@code compared}, shown by the {@code compared}
     * fragment) with the lists behind its figures ({@code lists}: measure name → the list's path): the figures
     * {@code measures} of the filter's org and the orgs below it over the filter's period.
     */
    static void compared(
            Model model,
            OrgComparisons comparisons,
            ChannelPeriod.Filter filter,
            List<ChannelMeasure> measures,
            Map<String, String> lists,
            OrgScope scope) {
        model.addAttribute("compared", comparisons.of(filter.orgId(), filter.from(), filter.to(), measures, scope));
        model.addAttribute("lists", lists);
    }

    /**
     * The period a page of a year compares org by org: the org's {@code year} from 1 January to the last loaded date
     * while the year is the warehouse's latest, to 31 December otherwise.
     */
    static ChannelPeriod.Filter yearToDate(int year, @Nullable String orgId, ChannelPeriod period) {
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate last = period.lastDateOrToday();
        return new ChannelPeriod.Filter(
                orgId, LocalDate.of(year, 1, 1), last.getYear() == year && last.isBefore(end) ? last : end);
    }

    /** A month's short name in the page's language, as the charts and tables label it: 1月 in Chinese, Jan in English. */
    static String monthName(int month, Locale locale) {
        return Month.of(month).getDisplayName(TextStyle.SHORT, locale);
    }
}
