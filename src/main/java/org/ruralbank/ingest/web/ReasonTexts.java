package org.ruralbank.ingest.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.ruralbank.ingest.DateStatus;
import org.ruralbank.ingest.IngestProblem;
import org.ruralbank.ingest.Reasons;
import org.ruralbank.shared.CodedText;
import org.ruralbank.shared.Grouped;
import org.ruralbank.warehouse.DayLoad;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** Writes a date's reason or a delivery problem in the page's language, for the data pages. */
@Component
public class ReasonTexts {

    private final MessageSource messages;

    ReasonTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The reason as HTML: the message escaped, files, lines, fields and values marked {@code translate="no"}. */
    public String html(@Nullable String stored) {
        return Reasons.read(stored).html(messages, LocaleContextHolder.getLocale());
    }

    /**
     * An alert's sentence as HTML, a blocked date's reason in it written in the page's language like the others'
     * arguments (a date, a list of dates) marked as data.
     */
    public String problemHtml(IngestProblem p) {
        Locale locale = LocaleContextHolder.getLocale();
        String code = "ingest.problem." + p.kind();
        List<Object> args = new ArrayList<>(p.arguments());
        if (p instanceof IngestProblem.Blocked b) {
            args.set(1, Reasons.clause(b.reason()));
        } else if (p instanceof IngestProblem.TestsFailed t) {
            args.set(1, Reasons.clause(t.reason()));
        } else {
            return HtmlUtils.htmlEscape(messages.getMessage(code, args.toArray(), code, locale), "UTF-8");
        }
        return new CodedText(code, args).html(messages, locale);
    }

    /**
     * What the calendar's hover says of a day, in the page's language: its state and version, the rows and files its
     * latest load read, the rows quarantined, the time spent reading and copying, and its reason when it has one.
     */
    public String day(DateStatus status, @Nullable DayLoad load) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> parts = new ArrayList<>();
        parts.add(messages.getMessage(
                "ingest.hover.state",
                new Object[] {
                    status.date().toString(),
                    messages.getMessage("ingest.state." + status.state(), null, locale),
                    Integer.toString(status.version())
                },
                locale));
        if (load != null && load.files() > 0) {
            parts.add(messages.getMessage(
                    "ingest.hover.rows",
                    new Object[] {
                        Grouped.count(load.loadedRows()), Grouped.count(load.files()), Grouped.count(load.quarantined())
                    },
                    locale));
            parts.add(messages.getMessage(
                    "ingest.hover.timings",
                    new Object[] {Grouped.count(load.readMs()), Grouped.count(load.copyMs())},
                    locale));
        } else if (status.rows() > 0) {
            parts.add(
                    messages.getMessage("ingest.hover.rowsOnly", new Object[] {Grouped.count(status.rows())}, locale));
        }
        if (status.reason() != null && !status.reason().isBlank()) {
            parts.add(messages.getMessage("ingest.hover.reason", new Object[] {text(status.reason())}, locale));
        }
        return String.join(messages.getMessage("ingest.hover.separator", null, locale), parts);
    }

    /** The reason as plain text, for a title. */
    public String text(@Nullable String stored) {
        return Reasons.read(stored).in(messages, LocaleContextHolder.getLocale());
    }
}
