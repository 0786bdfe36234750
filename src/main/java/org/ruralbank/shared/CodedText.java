package org.ruralbank.shared;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * A text as a message code with its arguments, written in each reader's language: the one writer of such texts (a
 * data date's reasons, a direct-connection change's summary and outcome). Arguments are data (file names, line
 * numbers, field names, ids, values: written as they are and, in HTML, marked {@code translate="no"}), {@link Money}
 * (written with thousands separators), numbers, {@link Name}s of codes (a kind, a status: written by their own
 * message), lists ({@link Joined}) or other coded texts. A text that could not be recognised, or a person typed, is
 * kept {@linkplain #verbatim verbatim}.
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

    /** An argument written by its own message: a kind, a status, a right, a rule. */
    public record Name(String code) {}

    /** Arguments written one after another, separated by {@code text.separator} (、 in Chinese). */
    public record Joined(List<Object> parts) {
        public Joined {
            parts = List.copyOf(parts);
        }
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
        if (a instanceof Name n) {
            return escaped(messages.getMessage(n.code(), null, n.code(), locale), html);
        }
        if (a instanceof Money m) {
            return Grouped.decimal(m.yuan());
        }
        if (a instanceof Number n) {
            return n.toString();
        }
        if (a instanceof Joined j) {
            return j.parts().stream()
                    .map(p -> arg(p, messages, locale, html))
                    .collect(Collectors.joining(
                            escaped(messages.getMessage("text.separator", null, ", ", locale), html)));
        }
        return html
                ? "<span translate=\"no\">" + HtmlUtils.htmlEscape(a.toString(), "UTF-8") + "</span>"
                : a.toString();
    }

    private static String escaped(String s, boolean html) {
        return html ? HtmlUtils.htmlEscape(s, "UTF-8") : s;
    }
}
