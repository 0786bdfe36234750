package org.ruralbank.directconnect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.ruralbank.shared.CodedText;
import org.ruralbank.shared.CodedText.Joined;
import org.ruralbank.shared.CodedText.Name;
import org.ruralbank.shared.Money;
import org.springframework.context.MessageSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the direct connection says about an onboarding change (its summary, what approving it did, why it could not
 * be applied) as a message code with its arguments, so that each reader reads it in their own language; written by
 * {@link CodedText}, whose arguments it takes: the change's data (ids, names, addresses: {@link String}s, written as
 * they are), {@link Money} (written with thousands separators), {@link Name}s of codes (a kind, a status, a right:
 * written by their own message), lists ({@link Joined}) and other texts. A text typed by a person (a checker's
 * reason) is kept {@linkplain #verbatim verbatim}.
 *
 * <p>An outcome is stored as this text's JSON ({@link #stored()}); an outcome stored as plain text before (English,
 * or a reason in the checker's language) is read back as it was written ({@link #read(String)}), the fixed English
 * outcomes of that time recognised and written in the reader's language again.
 */
public record ChangeText(String code, List<Object> args) {

    /** The code of a text kept as a person typed it; its one argument is the text. */
    public static final String VERBATIM = "";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ChangeText {
        args = args.stream().map(a -> a == null ? "-" : a).toList();
    }

    public static ChangeText of(String code, Object... args) {
        List<Object> list = new ArrayList<>();
        for (Object a : args) {
            list.add(a == null ? "-" : a);
        }
        return new ChangeText(code, list);
    }

    /** A text a person typed, shown as it is. */
    public static ChangeText verbatim(String text) {
        return new ChangeText(VERBATIM, List.of(text));
    }

    /** The text as {@link CodedText} writes it: the one writer of coded texts. */
    public CodedText coded() {
        return new CodedText(code, args.stream().map(ChangeText::coded).toList());
    }

    private static Object coded(Object a) {
        if (a instanceof ChangeText t) {
            return t.coded();
        }
        if (a instanceof Joined j) {
            return new Joined(j.parts().stream().map(ChangeText::coded).toList());
        }
        return a;
    }

    /** The text in {@code locale}. */
    public String in(MessageSource messages, Locale locale) {
        return coded().in(messages, locale);
    }

    /**
     * The text in {@code locale} as HTML: the message escaped, the change's data (ids, names, addresses, a typed
     * reason) marked {@code translate="no"}, since data is in no language.
     */
    public String html(MessageSource messages, Locale locale) {
        return coded().html(messages, locale);
    }

    /** The text as stored: JSON of its code and arguments. */
    public String stored() {
        return JSON.writeValueAsString(tree());
    }

    private Map<String, Object> tree() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("c", code);
        m.put("a", args.stream().map(ChangeText::treeOf).toList());
        return m;
    }

    private static Object treeOf(Object a) {
        if (a instanceof Name n) {
            return Map.of("n", n.code());
        }
        if (a instanceof Money m) {
            return Map.of("m", m.fen());
        }
        if (a instanceof ChangeText t) {
            return t.tree();
        }
        if (a instanceof Joined j) {
            return Map.of("j", j.parts().stream().map(ChangeText::treeOf).toList());
        }
        if (a instanceof Integer || a instanceof Long) {
            return a;
        }
        return a.toString();
    }

    /**
     * A stored text read back: the JSON {@link #stored()} writes, or a text stored as plain words before, the fixed
     * English outcomes of that time recognised, anything else verbatim; empty for none.
     */
    public static Optional<ChangeText> read(@Nullable String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        if (stored.startsWith("{\"c\":")) {
            try {
                return Optional.of(fromTree(JSON.readValue(stored, Map.class)));
            } catch (RuntimeException e) {
                // not a text this version wrote: shown as it is
                return Optional.of(verbatim(stored));
            }
        }
        return Optional.of(legacy(stored));
    }

    private static ChangeText fromTree(Map<?, ?> m) {
        List<Object> args = new ArrayList<>();
        for (Object a : (List<?>) m.get("a")) {
            args.add(argOf(a));
        }
        return new ChangeText((String) m.get("c"), args);
    }

    private static Object argOf(Object a) {
        if (a instanceof Map<?, ?> m) {
            if (m.containsKey("n")) {
                return new Name((String) m.get("n"));
            }
            if (m.containsKey("m")) {
                return Money.ofFen(((Number) m.get("m")).longValue());
            }
            if (m.containsKey("j")) {
                return new Joined(
                        ((List<?>) m.get("j")).stream().map(ChangeText::argOf).toList());
            }
            return fromTree(m);
        }
        if (a instanceof Number n) {
            return n.longValue();
        }
        return String.valueOf(a);
    }

    private static final Map<String, String> LEGACY_FIXED = Map.of(
            "enterprise created with the default limits", "dc.outcome.ENTERPRISE",
            "grant set", "dc.outcome.GRANT",
            "key active", "dc.outcome.KEY",
            "key revoked", "dc.outcome.REVOKE_KEY",
            "limits set", "dc.outcome.LIMIT",
            "pool set", "dc.outcome.POOL");
    private static final Pattern LEGACY_ACCOUNT = Pattern.compile("account opened with (-?[0-9.]+) yuan");
    private static final Pattern LEGACY_WEBHOOK =
            Pattern.compile("webhook registered; signing secret \\(give it to the enterprise\\): (\\S+)");
    private static final Pattern LEGACY_STATUS = Pattern.compile("status (ACTIVE|SUSPENDED)");

    /** An outcome stored as English words before outcomes were stored as texts. */
    private static ChangeText legacy(String text) {
        String fixed = LEGACY_FIXED.get(text);
        if (fixed != null) {
            return of(fixed);
        }
        Matcher m = LEGACY_ACCOUNT.matcher(text);
        if (m.matches()) {
            Optional<Money> amount = Money.tryParseYuan(m.group(1));
            if (amount.isPresent()) {
                return of("dc.outcome.ACCOUNT", amount.get());
            }
        }
        m = LEGACY_WEBHOOK.matcher(text);
        if (m.matches()) {
            return of("dc.outcome.WEBHOOK", m.group(1));
        }
        m = LEGACY_STATUS.matcher(text);
        if (m.matches()) {
            return of("dc.outcome.STATUS", new Name("dc.status." + m.group(1)));
        }
        return verbatim(text);
    }
}
