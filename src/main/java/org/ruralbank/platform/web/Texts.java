package org.ruralbank.platform.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Message texts in the current user's language, for what controllers write themselves (Excel headings). */
@Component
public class Texts {

    private final MessageSource messages;

    Texts(MessageSource messages) {
        this.messages = messages;
    }

    /** The text of {@code code}, or {@code otherwise} when no bundle has it. */
    public String orElse(String code, String otherwise) {
        return messages.getMessage(code, null, otherwise, LocaleContextHolder.getLocale());
    }

    /** The text of {@code code}, or the code itself when no bundle has it. */
    public String get(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
