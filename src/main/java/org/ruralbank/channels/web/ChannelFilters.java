package org.ruralbank.channels.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.ruralbank.channels.CardFigures;
import org.ruralbank.platform.OrgScope;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The filters of the channel pages, in one place so that every page defaults alike: to the warehouse's last loaded
 * date (today in Beijing while it is empty), a period from 1 January of that date's year, the year of that date, and
 * the whole of the user's scope where no org is chosen.
 */
@Component
class ChannelFilters {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final CardFigures cards;
    private final Clock clock;

    ChannelFilters(CardFigures cards, Clock clock) {
        this.cards = cards;
        this.clock = clock;
    }

    /** The last loaded date, or today while the warehouse holds none. */
    LocalDate lastDate() {
        LocalDate last = cards.lastDate();
        return last != null ? last : LocalDate.now(clock.withZone(BEIJING));
    }

    /** The date asked, else the last loaded date; null while the warehouse holds none, for pages of one date. */
    LocalDate asOf(LocalDate date) {
        return date != null ? date : cards.lastDate();
    }

    /** The year asked, else that of {@link #lastDate()}. */
    int year(Integer year) {
        return year != null ? year : lastDate().getYear();
    }

    /** The org asked; a blank choice is the whole scope (null). */
    static String org(String org) {
        return org == null || org.isBlank() ? null : org;
    }

    /** The org and period asked: by default from 1 January to {@link #lastDate()}; a start after the end is the end. */
    CardFigures.Filter period(String org, LocalDate from, LocalDate to) {
        LocalDate end = to != null ? to : lastDate();
        LocalDate start = from != null ? from : end.withDayOfYear(1);
        return new CardFigures.Filter(org(org), start.isAfter(end) ? end : start, end);
    }

    /** Puts the org choices of the scope into the model, as {@code orgs}. */
    void orgChoices(Model model, OrgScope scope) {
        model.addAttribute("orgs", cards.choices(scope));
    }

    /**
     * Puts what the year-and-org search form shows into the model: the year, the year and the two before it to choose
     * from, the chosen org and the org choices.
     */
    void yearAndOrg(Model model, int year, String orgId, OrgScope scope) {
        model.addAttribute("year", year);
        model.addAttribute("years", List.of(year - 2, year - 1, year));
        model.addAttribute("org", orgId);
        orgChoices(model, scope);
    }
}
