package org.ruralbank.platform.web;

import java.math.BigDecimal;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.ruralbank.shared.Money;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The unit money figures are shown in, 元 or 万元, as the user chose it: {@code ?unit=yuan} or {@code ?unit=wan} on any
 * page, kept in the session until changed (another value is a 400 naming the parameter). Pages write money through
 * {@code @fmt.money}, and exports divide by {@link #of} and name {@link #chinese()} on their unit line, so a page and
 * its export agree. Figures a page names in a fixed unit (a limit of 2,000万, a fee of 0.50 元) keep it.
 */
public enum MoneyUnit {
    YUAN("元", "yuan"),
    WAN("万元", "10k yuan");

    /** The request parameter that chooses the unit. */
    public static final String PARAMETER = "unit";

    static final String SESSION_ATTRIBUTE = MoneyUnit.class.getName();

    static final String PAGE_DEFAULT_ATTRIBUTE = MoneyUnit.class.getName() + ".pageDefault";

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final String chinese;
    private final String english;

    MoneyUnit(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    /**
     * The unit of the current request's session; before a choice, the page's own default ({@link #pageDefault}), else
     * 元; 元 outside a request.
     */
    public static MoneyUnit current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return YUAN;
        }
        if (request.getAttribute(SESSION_ATTRIBUTE, RequestAttributes.SCOPE_SESSION) instanceof MoneyUnit u) {
            return u;
        }
        return request.getAttribute(PAGE_DEFAULT_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof MoneyUnit u
                ? u
                : YUAN;
    }

    /**
     * Makes {@code unit} the unit of the current request until the user chooses one: a page whose figures are read in
     * 万元 (the home page's bank totals, the annual report written in 万元) shows them so, and its export and print
     * agree, until the user switches.
     */
    public static void pageDefault(MoneyUnit unit) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(PAGE_DEFAULT_ATTRIBUTE, unit, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The unit a parameter names ({@code yuan}, {@code wan}, any case); null for anything else. */
    static @Nullable MoneyUnit parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "yuan" -> YUAN;
            case "wan" -> WAN;
            default -> null;
        };
    }

    /** An amount in yuan expressed in this unit, two decimals (rounded once, by the platform's rule). */
    public BigDecimal of(BigDecimal yuan) {
        return this == YUAN ? yuan.setScale(2, Money.ROUNDING) : yuan.divide(TEN_THOUSAND, 2, Money.ROUNDING);
    }

    /** The unit's name in Chinese, for the unit line of an export (the workbook is the bank's own form). */
    public String chinese() {
        return chinese;
    }

    /** The unit's name in the page's language. */
    public String name(Locale locale) {
        return locale.getLanguage().equals("zh") ? chinese : english;
    }
}
