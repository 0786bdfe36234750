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
     * An alert's sentence as HTML: a blocked date's reason in it written in the page's language, the other arguments
     * (a date, a list of dates, the time it was due, the inbox's folder) marked as data.
     */
    public String problemHtml(IngestProblem p) {
        Locale locale = LocaleContextHolder.getLocale();
        String code = "ingest.problem." + p.kind();
        List<Object> args = new ArrayList<>(p.arguments());
        if (p instanceof IngestProblem.Blocked b) {
            args.set(1, Reasons.clause(b.reason()));
        } else if (p instanceof IngestProblem.TestsFailed t) {
            args.set(1, Reasons.clause(t.reason()));
        }
        return new CodedText(code, args).html(messages, locale);
    }

    /**
     * What the calendar's hover says of a day, in the page's language, as HTML: its state and version, the rows and
     * files its latest load read, the rows quarantined, the time spent reading and copying, and its reason when it has
     * one (files, lines, fields and values marked {@code translate="no"}, as the reasons are everywhere).
     */
    public String day(DateStatus status, @Nullable DayLoad load) {
        Locale locale = LocaleContextHolder.getLocale();
        List<CodedText> parts = new ArrayList<>();
        parts.add(CodedText.of(
                "ingest.hover.state",
                CodedText.of("ingest.hover.date", status.date().toString()),
                CodedText.of("ingest.state." + status.state()),
                status.version()));
        if (load != null && load.files() > 0) {
            parts.add(CodedText.of(
                    "ingest.hover.rows",
                    Grouped.count(load.loadedRows()),
                    Grouped.count(load.files()),
                    Grouped.count(load.quarantined())));
            parts.add(CodedText.of("ingest.hover.timings", Grouped.count(load.readMs()), Grouped.count(load.copyMs())));
        } else if (status.rows() > 0) {
            parts.add(CodedText.of("ingest.hover.rowsOnly", Grouped.count(status.rows())));
        }
        if (status.reason() != null && !status.reason().isBlank()) {
            parts.add(CodedText.of("ingest.hover.reason", Reasons.read(status.reason())));
        }
        return String.join(
                HtmlUtils.htmlEscape(messages.getMessage("ingest.hover.separator", null, locale), "UTF-8"),
                parts.stream().map(p -> p.html(messages, locale)).toList());
    }

    /** The reason as plain text, for a title. */
    public String text(@Nullable String stored) {
        return Reasons.read(stored).in(messages, LocaleContextHolder.getLocale());
    }
}
