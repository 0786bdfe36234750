package org.ruralbank.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese by default, English on request ({@code ?lang=en}), remembered in a cookie; money in 元 or 万元 as chosen
 * ({@code ?unit=}, {@link MoneyUnit}), remembered in the session.
 */
@Configuration
class WebConfig implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("ruralbank-lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        registry.addInterceptor(change);
        registry.addInterceptor(new UnitChoice());
    }

    /**
     * Keeps the money unit a GET request chooses ({@code ?unit=}) in the session; a value that is no unit is answered 400
     * naming the parameter, on the error page as every bad parameter.
     */
    static final class UnitChoice implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws IOException {
            // the choice is made on a page's search form (a GET); a form that posts a field of the same name (an
            // earning rule's unit) means something else by it
            String value = request.getParameter(MoneyUnit.PARAMETER);
            if (value == null
                    || value.isBlank()
                    || !(handler instanceof HandlerMethod)
                    || !"GET".equals(request.getMethod())) {
                return true;
            }
            MoneyUnit unit = MoneyUnit.parse(value);
            if (unit == null) {
                request.setAttribute("parameter", MoneyUnit.PARAMETER);
                request.setAttribute("value", value.length() > 60 ? value.substring(0, 60) + "…" : value);
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return false;
            }
            request.getSession().setAttribute(MoneyUnit.SESSION_ATTRIBUTE, unit);
            return true;
        }
    }
}
