package org.ruralbank.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The metrics account: what a Prometheus server scrapes {@code /actuator/prometheus} with, and a monitor reads the
 * health's details with. It is no staff user and reaches nothing else: its role {@value #ROLE} is granted by no
 * page or command. It signs in on every request, with HTTP Basic ({@code ruralbank.metrics.username}, default
 * {@code prometheus}, and {@code ruralbank.metrics.password}) or a bearer token ({@code ruralbank.metrics.token});
 * both secrets come from the environment or {@code <home>/application.properties}, never from the repository, and
 * without them the account does not exist. A wrong secret answers 401 like no secret, and counts against the source
 * in the login throttle.
 */
@Component
class ScrapeAccount {

    /** The role of the metrics account, as Spring Security names it ({@code hasRole("METRICS")}). */
    static final String ROLE = "METRICS";

    private final String username;
    private final byte[] password;
    private final byte[] token;
    private final LoginThrottle throttle;

    ScrapeAccount(
            @Value("${ruralbank.metrics.username:prometheus}") String username,
            @Value("${ruralbank.metrics.password:}") String password,
            @Value("${ruralbank.metrics.token:}") String token,
            LoginThrottle throttle) {
        this.username = username;
        this.password = digest(password);
        this.token = digest(token);
        this.throttle = throttle;
    }

    private static byte[] digest(String secret) {
        if (secret.isEmpty()) {
            return new byte[0];
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code given} is the secret, compared in constant time; never for an account without one. */
    private static boolean matches(byte[] secret, String given) {
        return secret.length > 0 && MessageDigest.isEqual(secret, digest(given));
    }

    private static Authentication signedIn(String name) {
        return UsernamePasswordAuthenticationToken.authenticated(
                name, null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
    }

    /** HTTP Basic against the metrics account alone: staff users do not sign in this way. */
    AuthenticationProvider basic() {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String source = authentication.getDetails() instanceof WebAuthenticationDetails d
                                && d.getRemoteAddress() != null
                        ? d.getRemoteAddress()
                        : "unknown";
                String name = authentication.getName();
                if (!throttle.allows(source, name)) {
                    throw new BadCredentialsException("too many failed sign-ins from this source");
                }
                Object credentials = authentication.getCredentials();
                if (!name.equals(username) || credentials == null || !matches(password, credentials.toString())) {
                    throttle.failed(source, name);
                    throw new BadCredentialsException("not the metrics account");
                }
                return signedIn(username);
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
    }

    /** Signs in a request that carries {@code Authorization: Bearer <token>}; a wrong token answers 401 at once. */
    OncePerRequestFilter bearer(AuthenticationEntryPoint refuse) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String header = request.getHeader("Authorization");
                if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    String source = request.getRemoteAddr();
                    boolean allowed = throttle.allows(source, "token");
                    if (!allowed || !matches(token, header.substring(7).strip())) {
                        if (allowed) {
                            throttle.failed(source, "token");
                        }
                        SecurityContextHolder.clearContext();
                        refuse.commence(request, response, new BadCredentialsException("not the metrics token"));
                        return;
                    }
                    var context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(signedIn(username));
                    SecurityContextHolder.setContext(context);
                }
                chain.doFilter(request, response);
            }
        };
    }
}
