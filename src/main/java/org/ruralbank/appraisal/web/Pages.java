package org.ruralbank.appraisal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.StringJoiner;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.Refused;
import org.ruralbank.platform.Rejected;
import org.ruralbank.shared.Ratios;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;

/** What the appraisal pages share: how a refusal is shown, the language, and the data of a chart. */
final class Pages {

    static final String READERS = "hasAnyRole('PERF','BRANCH_HEAD','CM','AUDITOR')";
    static final String OFFICE = "hasAnyRole('PERF','BRANCH_HEAD','AUDITOR')";
    static final String PERF = "hasRole('PERF')";
    static final String HEAD = "hasRole('BRANCH_HEAD')";
    /**
     * Who may post a pool's distribution: a branch head, or a department's head, who may hold any of the readers'
     * roles but the auditor's (an auditor changes nothing); the pools service checks whose pool it is.
     */
    static final String UNIT_HEADS = "hasAnyRole('PERF','BRANCH_HEAD','CM')";

    private Pages() {}

    /** A refusal is shown on the page: 403 when it reaches beyond what the user holds, 400 for a bad value. */
    static void refused(Rejected r, Model model, HttpServletResponse response) {
        if (r instanceof NotFound nf) {
            throw nf;
        }
        response.setStatus(
                r instanceof Refused ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", r);
    }

    static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    /** A JSON array of the texts, for a chart's categories. */
    static <T> String labels(Collection<T> items, Function<T, String> text) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        items.forEach(i -> j.add("\"" + text.apply(i).replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
        return j.toString();
    }

    /** A JSON array of numbers (2 decimals), for a chart's series. */
    static <T> String numbers(Collection<T> items, Function<T, @Nullable BigDecimal> value) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        items.forEach(i -> {
            BigDecimal v = value.apply(i);
            j.add(v == null ? "null" : Ratios.shown(v).toPlainString());
        });
        return j.toString();
    }
}
