package org.ruralbank.ingest.web;

import org.jspecify.annotations.Nullable;
import org.ruralbank.ingest.Reasons;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

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

    /** The reason as plain text, for a title. */
    public String text(@Nullable String stored) {
        return Reasons.read(stored).in(messages, LocaleContextHolder.getLocale());
    }
}
