package org.ruralbank.cli;

import java.util.Locale;
import org.ruralbank.platform.Rejected;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;

/** A rule's refusal as the command line prints it: the field at fault, then what to do, in Chinese and English. */
final class Refusals {

    private Refusals() {}

    static String describe(ApplicationContext ctx, Rejected r) {
        return "rejected (" + r.field() + "): " + message(ctx, r.code(), r.args());
    }

    /** A message in Chinese and English ("zh / en"), or once when both read the same. */
    static String message(ApplicationContext ctx, String code, Object[] args) {
        MessageSource messages = ctx.getBean(MessageSource.class);
        String zh = messages.getMessage(code, args, code, Locale.SIMPLIFIED_CHINESE);
        String en = messages.getMessage(code, args, code, Locale.ENGLISH);
        return zh.equals(en) ? en : zh + " / " + en;
    }
}
