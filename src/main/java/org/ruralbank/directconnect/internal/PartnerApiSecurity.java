package org.ruralbank.directconnect.internal;

import java.time.Clock;
import org.ruralbank.directconnect.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The partner API's own security: stateless, no session, no CSRF (nothing rides on a browser's cookies), every
 * request authenticated by its signature. Staff pages keep their form login in the platform's chain.
 */
@Configuration
@EnableScheduling
class PartnerApiSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain partnerApi(
            HttpSecurity http,
            Directory directory,
            Nonces nonces,
            Clock clock,
            @Value("${ruralbank.directconnect.max-body-bytes:2097152}") int maxBodyBytes,
            @Value("${ruralbank.directconnect.max-message-bytes:16777216}") int maxMessageBytes)
            throws Exception {
        http.securityMatcher("/api/dc/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .addFilterAt(
                        new SignedRequestFilter(directory, nonces, clock, maxBodyBytes, maxMessageBytes),
                        BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers(SignedRequestFilter.OPEN_PATH)
                        .permitAll()
                        .anyRequest()
                        .hasRole("PARTNER"))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> Problems.write(
                                response,
                                401,
                                "unauthenticated",
                                "sign the request as docs/directconnect.md describes"))
                        .accessDeniedHandler(
                                (request, response, ex) -> Problems.write(response, 403, "forbidden", "not allowed")));
        return http.build();
    }
}
