package org.ruralbank.cli;

import java.util.Locale;
import org.ruralbank.platform.Rejected;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;

/** A rule's refusal as the command line prints it: the field at fault, then what to do, in Chinese and English. */
final class Refusals {

    private Refusals() {
    }

    static String describe(ApplicationContext ctx, Rejected r) {
        MessageSource messages = ctx.getBean(MessageSource.class);
        String zh = messages.getMessage(r.code(), r.args(), r.code(), Locale.SIMPLIFIED_CHINESE);
        String en = messages.getMessage(r.code(), r.args(), r.code(), Locale.ENGLISH);
        return "rejected (" + r.field() + "): " + (zh.equals(en) ? en : zh + " / " + en);
    }
}
