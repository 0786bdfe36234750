package org.ruralbank.shared;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * A text as a message code with its arguments, written in each reader's language. Arguments are data (file names,
 * line numbers, field names, values: written as they are and, in HTML, marked {@code translate="no"}) or other coded
 * texts. A text that could not be recognised is kept {@linkplain #verbatim verbatim}.
 */
public record CodedText(String code, List<Object> args) {

    /** The code of a text kept as it was written; its one argument is the text. */
    public static final String VERBATIM = "";

    public CodedText {
        args = args.stream().map(a -> a == null ? "-" : a).toList();
    }

    public static CodedText of(String code, Object... args) {
        return new CodedText(code, java.util.Arrays.asList(args));
    }

    public static CodedText verbatim(String text) {
        return new CodedText(VERBATIM, List.of(text));
    }

    public boolean isVerbatim() {
        return code.equals(VERBATIM);
    }

    /** The text in {@code locale}. */
    public String in(MessageSource messages, Locale locale) {
        return write(messages, locale, false);
    }

    /** The text in {@code locale} as HTML, the message escaped and its data marked {@code translate="no"}. */
    public String html(MessageSource messages, Locale locale) {
        return write(messages, locale, true);
    }

    private String write(MessageSource messages, Locale locale, boolean html) {
        if (isVerbatim()) {
            return arg(args.isEmpty() ? "" : args.get(0), messages, locale, html);
        }
        if (!html) {
            Object[] a = args.stream().map(x -> arg(x, messages, locale, false)).toArray();
            return messages.getMessage(code, a, code, locale);
        }
        Object[] markers = new Object[args.size()];
        for (int i = 0; i < markers.length; i++) {
            markers[i] = "\uE000" + i + "\uE001";
        }
        String text = HtmlUtils.htmlEscape(messages.getMessage(code, markers, code, locale), "UTF-8");
        for (int i = 0; i < markers.length; i++) {
            text = text.replace((String) markers[i], arg(args.get(i), messages, locale, true));
        }
        return text;
    }

    private static String arg(Object a, MessageSource messages, Locale locale, boolean html) {
        if (a instanceof CodedText t) {
            return t.write(messages, locale, html);
        }
        return html
                ? "<span translate=\"no\">" + HtmlUtils.htmlEscape(a.toString(), "UTF-8") + "</span>"
                : a.toString();
    }
}
