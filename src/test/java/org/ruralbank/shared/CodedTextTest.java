package org.ruralbank.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The one writer of coded texts: a code's name, money, a list and a nested text in the reader's language, data as it
 * is (marked untranslatable in HTML), whichever part of the application stored the text.
 */
class CodedTextTest {

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("messages", "i18n/directconnect", "i18n/ingest");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    @Test
    void namesMoneyListsAndNestedTextsAreWrittenInTheReadersLanguage() {
        var m = messages();
        CodedText rights = CodedText.of(
                "dc.outcome.ACCOUNT",
                new CodedText.Joined(List.of(
                        Money.ofYuan(new java.math.BigDecimal("12345.6")), new CodedText.Name("dc.right.view"))));
        assertThat(rights.in(m, Locale.SIMPLIFIED_CHINESE)).isEqualTo("已开立账户，期初余额 12,345.60、查询 元");
        assertThat(rights.in(m, Locale.ENGLISH)).isEqualTo("Account opened with 12,345.60, view yuan");

        CodedText status = CodedText.of("dc.outcome.ACCOUNT", CodedText.of("dc.status.ACTIVE"));
        assertThat(status.in(m, Locale.ENGLISH)).isEqualTo("Account opened with Active yuan");

        CodedText data = CodedText.of("dc.outcome.ACCOUNT", "<b>E1</b>");
        assertThat(data.html(m, Locale.ENGLISH))
                .isEqualTo("Account opened with <span translate=\"no\">&lt;b&gt;E1&lt;/b&gt;</span> yuan");
        assertThat(CodedText.verbatim("typed 原因").in(m, Locale.ENGLISH)).isEqualTo("typed 原因");
    }
}
