package org.ruralbank.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The firewall's header rules accept exactly what Spring Security's default expressions accept. */
class HeaderFirewallTest {

    /** Spring Security's defaults (StrictHttpFirewall): names and parameter names; header values. */
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void acceptsEveryCodePointTheDefaultExpressionsAccept() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String s = "a" + Character.toString(c) + "b";
            assertThat(HeaderFirewall.ASSIGNED_NOT_CONTROL.test(s))
                    .as("name U+%04X", c)
                    .isEqualTo(NAMES.matcher(s).matches());
            assertThat(HeaderFirewall.ASSIGNED_NOT_CONTROL_OR_TAB.test(s))
                    .as("value U+%04X", c)
                    .isEqualTo(VALUES.matcher(s).matches());
        }
    }

    @Test
    void judgesLoneSurrogatesAndWholeHeadersAsTheDefaults() {
        for (String s : new String[] {
            "",
            "\uD800",
            "x\uDC00",
            "\uD83D\uDE00",
            "ECDSA 1a2b==",
            "tab\there",
            "bad\r\nheader",
            "\u0085",
            "中文 值",
            "\u00a0",
            "\uFFFF"
        }) {
            assertThat(HeaderFirewall.ASSIGNED_NOT_CONTROL.test(s))
                    .as(s)
                    .isEqualTo(NAMES.matcher(s).matches());
            assertThat(HeaderFirewall.ASSIGNED_NOT_CONTROL_OR_TAB.test(s))
                    .as(s)
                    .isEqualTo(VALUES.matcher(s).matches());
        }
    }
}
