package org.ruralbank.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.platform.StaffUsers;
import org.ruralbank.platform.WholeBankPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Web security: form login against staff users, lock-out after repeated failures and a per-source throttle, one
 * answer for every failed login, a forced password change after a one-time password, read-only auditors, CSRF
 * protection and security headers.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    private static final String MUST_CHANGE_PASSWORD = StaffUsers.ONE_TIME_PASSWORD_ATTRIBUTE;

    private static final Set<String> ALWAYS_ALLOWED = Set.of("/password", "/logout", "/lang");

    /** Staff whose data scope is the whole bank: the rule of {@link WholeBankPages}. */
    private static final AuthorizationManager<RequestAuthorizationContext> WHOLE_BANK =
            (authentication, context) -> new AuthorizationDecision(authentication.get() != null
                    && authentication.get().getPrincipal() instanceof StaffPrincipal.Holder holder
                    && WholeBankPages.reachableBy(holder.staff()));

    /** A request refused to a signed-in user answers 403 and leaves an audit entry: who asked for what, and why. */
    private static AccessDeniedHandler refusalsAudited(AuditLog audit) {
        AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            if (CurrentStaff.find().isPresent()) {
                String path = request.getRequestURI()
                        .substring(request.getContextPath().length());
                audit.record(
                        "access.refused",
                        "page",
                        request.getMethod() + " " + path,
                        null,
                        Map.of("reason", denied.getClass().getSimpleName()));
            }
            if (denied instanceof CsrfException) {
                // a form sent after its session expired (or after signing in again): not a matter of roles
                request.setAttribute("formExpired", Boolean.TRUE);
                request.setAttribute("reload", sentFrom(request));
            }
            forbidden.handle(request, response, denied);
        };
    }

    /** The page of ours a form was sent from (its referrer), to open again; else the home page. */
    private static String sentFrom(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        String origin = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath();
        if (referer != null && referer.startsWith(origin + "/") && !referer.contains("/login")) {
            return referer.substring(origin.length());
        }
        return "/home";
    }

    /**
     * No observation of the security filter chain, its authentications or authorizations. Switching them off by
     * property ({@code management.observations.enable.spring.security}) still wraps every filter of every request
     * in an observation that does nothing: 5% of the request threads' CPU in the signed-payment benchmark
     * (docs/benchmarks.md). The HTTP server's own metrics stay.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, with the algorithm id stored in each hash so a stronger one can replace it later
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The login's check of a user name and password. The password is checked before the account's state, so a
     * locked, disabled or unknown account fails in the same time and with the same answer as a wrong password (an
     * unknown name is checked against a dummy hash); a throttled source is refused before anything is checked.
     */
    @Bean
    AuthenticationProvider staffLogin(UserDetailsService accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts) {
            @Override
            public Authentication authenticate(Authentication authentication) {
                if (!throttle.allows(source(authentication), authentication.getName())) {
                    throw new Throttled();
                }
                return super.authenticate(authentication);
            }
        };
        provider.setPasswordEncoder(encoder);
        provider.setPreAuthenticationChecks(account -> {});
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }

    /** A source that failed too often lately: refused like a wrong password, counted against no account. */
    static final class Throttled extends AuthenticationException {
        Throttled() {
            super("too many failed logins from this source");
        }
    }

    private static String source(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
                ? d.getRemoteAddress()
                : "unknown";
    }

    /**
     * The actuator, on the application's port or on {@code management.server.port}: health for everyone (its details
     * for the metrics account), Prometheus for the metrics account ({@link ScrapeAccount}: HTTP Basic or a bearer
     * token) and whole-bank administrators' sessions, the rest for whole-bank administrators. A request without
     * credentials answers 401 with a Basic challenge, never a redirect to the login page (which a separate management
     * port does not serve).
     */
    @Bean
    @Order(1)
    SecurityFilterChain actuator(HttpSecurity http, ScrapeAccount scrape, AuditLog audit) throws Exception {
        var adminWholeBank =
                AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole(Role.ADMIN.name()), WHOLE_BANK);
        BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName("ruralbank");
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .access(AuthorizationManagers.anyOf(
                                AuthorityAuthorizationManager.hasRole(ScrapeAccount.ROLE), adminWholeBank))
                        .anyRequest()
                        .access(adminWholeBank))
                .authenticationManager(new ProviderManager(scrape.basic()))
                .httpBasic(b -> b.authenticationEntryPoint(challenge))
                .addFilterBefore(scrape.bearer(challenge), BasicAuthenticationFilter.class)
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(challenge).accessDeniedHandler(refusalsAudited(audit)))
                .addFilterAfter(new OneTimePasswordGate(), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, StaffUsers users, AuditLog audit, LoginThrottle throttle)
            throws Exception {
        http.authorizeHttpRequests(
                        a -> a.requestMatchers("/login", "/webjars/**", "/assets/**", "/favicon.ico", "/error")
                                .permitAll()
                                .requestMatchers(WholeBankPages.PATTERNS.toArray(String[]::new))
                                .access(WHOLE_BANK)
                                .anyRequest()
                                .authenticated())
                .exceptionHandling(e -> e.accessDeniedHandler(refusalsAudited(audit)))
                .formLogin(f -> f.loginPage("/login")
                        .successHandler((request, response, auth) -> {
                            StaffAccount account = (StaffAccount) auth.getPrincipal();
                            users.loginSucceeded(account.getUsername());
                            throttle.succeeded(request.getRemoteAddr(), account.getUsername());
                            audit.recordAs(
                                    account.getUsername(),
                                    account.staff().orgPath(),
                                    "login",
                                    AuditLog.Outcome.OK,
                                    "user",
                                    account.getUsername(),
                                    null,
                                    null);
                            if (account.mustChangePassword()) {
                                request.getSession().setAttribute(MUST_CHANGE_PASSWORD, Boolean.TRUE);
                                response.sendRedirect(request.getContextPath() + "/password");
                            } else {
                                response.sendRedirect(request.getContextPath() + "/");
                            }
                        })
                        .failureHandler((request, response, ex) -> {
                            String username = request.getParameter("username");
                            if (username != null && !username.isBlank()) {
                                if (!(ex instanceof Throttled)) {
                                    users.loginFailed(username);
                                    throttle.failed(request.getRemoteAddr(), username);
                                }
                                audit.recordAs(
                                        username,
                                        null,
                                        "login",
                                        AuditLog.Outcome.FAILED,
                                        "user",
                                        username,
                                        null,
                                        java.util.Map.of("reason", ex.getClass().getSimpleName()));
                            }
                            // one answer for all: wrong password, unknown name, locked, disabled, throttled
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        })
                        .permitAll())
                .logout(l ->
                        l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h.contentSecurityPolicy(
                                c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                        + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; "
                                        + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()))
                .addFilterAfter(new OneTimePasswordGate(), AuthorizationFilter.class)
                .addFilterAfter(new ReadOnlyAuditors(), OneTimePasswordGate.class);
        return http.build();
    }

    /** Until a one-time password is changed, every page but the password page redirects there. */
    static final class OneTimePasswordGate extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var session = request.getSession(false);
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (session != null
                    && session.getAttribute(MUST_CHANGE_PASSWORD) != null
                    && !ALWAYS_ALLOWED.contains(path)
                    && !path.startsWith("/webjars/")
                    && !path.startsWith("/assets/")) {
                response.sendRedirect(request.getContextPath() + "/password");
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** Auditors read everything and change nothing: any state-changing request of theirs is refused here. */
    static final class ReadOnlyAuditors extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String method = request.getMethod();
            boolean mutating = !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (mutating
                    && !ALWAYS_ALLOWED.contains(path)
                    && CurrentStaff.find().map(s -> s.has(Role.AUDITOR)).orElse(false)) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
