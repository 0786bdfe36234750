package org.ruralbank.channels;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/**
 * The period and the orgs every channel page shows, so that every page defaults alike: the warehouse's last loaded
 * date (today in Beijing while it holds none), a period from 1 January of that date's year, the year of that date,
 * and the whole of the user's scope where no org is chosen. A page asks it for its filter once and hands the filter
 * on to the figures, which read within it through {@link ChannelReads}.
 */
@Service
public class ChannelPeriod {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Warehouse warehouse;
    private final Orgs orgs;
    private final Clock clock;

    ChannelPeriod(Warehouse warehouse, Orgs orgs, Clock clock) {
        this.warehouse = warehouse;
        this.orgs = orgs;
        this.clock = clock;
    }

    /** A page's filter: an org's subtree ({@code orgId} null for the whole scope) and the days {@code from}–{@code to}. */
    public record Filter(@Nullable String orgId, LocalDate from, LocalDate to) {}

    private record LastDate(@Nullable LocalDate lastDate) {}

    /** The last loaded date, or null while the warehouse holds none. */
    public @Nullable LocalDate lastDate() {
        return warehouse
                .queries()
                .named("channels/last_loaded_date")
                .first(LastDate.class)
                .map(LastDate::lastDate)
                .orElse(null);
    }

    /** The last loaded date, or today while the warehouse holds none. */
    public LocalDate lastDateOrToday() {
        LocalDate last = lastDate();
        return last != null ? last : LocalDate.now(clock.withZone(BEIJING));
    }

    /** The date asked, else the last loaded date; null while the warehouse holds none, for pages of one date. */
    public @Nullable LocalDate asOf(@Nullable LocalDate date) {
        return date != null ? date : lastDate();
    }

    /** The year asked, else that of {@link #lastDateOrToday()}. */
    public int year(@Nullable Integer year) {
        return year != null ? year : lastDateOrToday().getYear();
    }

    private record LoadedYear(int year) {}

    /**
     * The years a page's year list offers: every year the warehouse holds data for, and the chosen one (a year
     * without data yet is still shown as chosen), in order.
     */
    public List<Integer> years(int chosen) {
        java.util.SortedSet<Integer> years = new java.util.TreeSet<>();
        warehouse
                .queries()
                .named("channels/loaded_years")
                .list(LoadedYear.class)
                .forEach(y -> years.add(y.year()));
        years.add(chosen);
        return List.copyOf(years);
    }

    /** The org asked; a blank choice is the whole scope (null). */
    public static @Nullable String org(@Nullable String org) {
        return org == null || org.isBlank() ? null : org;
    }

    /** The org and period asked: by default from 1 January to {@link #lastDateOrToday()}; a start after the end is the end. */
    public Filter filter(@Nullable String org, @Nullable LocalDate from, @Nullable LocalDate to) {
        LocalDate end = to != null ? to : lastDateOrToday();
        LocalDate start = from != null ? from : end.withDayOfYear(1);
        return new Filter(org(org), start.isAfter(end) ? end : start, end);
    }

    /** The orgs a page's filter may choose: the open ones within the scope. */
    public List<Org> orgChoices(OrgScope scope) {
        return orgs.choices(scope);
    }
}
