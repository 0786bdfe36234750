package org.ruralbank.platform.internal;

import java.util.function.Predicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall with its own rules for header and parameter names and values, checked without
 * a regular expression. The default rules ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, tab allowed too in header
 * values) ask Unicode for the type of every character of every header through a regular expression: that took
 * about 16% of the request threads' CPU in the signed-payment benchmark (docs/benchmarks.md), a signed request
 * carrying seven headers. These predicates accept exactly the same strings (printable ASCII, the common case,
 * needs no look-up); {@code HeaderFirewallTest} compares them with the expressions.
 */
@Configuration(proxyBeanMethods = false)
class HeaderFirewall {

    /** Every code point assigned and not a control character (a name, a parameter value). */
    static final Predicate<String> ASSIGNED_NOT_CONTROL = s -> allAssigned(s, false);
    /** As {@link #ASSIGNED_NOT_CONTROL}, a tab allowed too (a header value). */
    static final Predicate<String> ASSIGNED_NOT_CONTROL_OR_TAB = s -> allAssigned(s, true);

    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(ASSIGNED_NOT_CONTROL);
        firewall.setAllowedHeaderValues(ASSIGNED_NOT_CONTROL_OR_TAB);
        firewall.setAllowedParameterNames(ASSIGNED_NOT_CONTROL);
        return firewall;
    }

    private static boolean allAssigned(String s, boolean tab) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (c < 0x20 || c > 0x7e) {
                int type = Character.getType(c);
                if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && c == '\t')) {
                    return false;
                }
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
