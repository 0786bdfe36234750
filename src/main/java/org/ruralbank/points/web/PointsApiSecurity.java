package org.ruralbank.points.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The points partner API's chain: stateless, no session, no CSRF (nothing rides on a browser's cookies); every
 * request is authenticated by its signature in {@link PointsApiController}, which reads the body it verifies.
 */
@Configuration
class PointsApiSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain pointsApi(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/points/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .securityContext(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .anonymous(a -> a.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
