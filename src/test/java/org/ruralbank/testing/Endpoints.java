package org.ruralbank.testing;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the application maps, as {@code "METHOD /path/{var}"}: the controllers' methods, and the request
 * handlers the application maps by URL (each of those serves POST only, e.g. the partner API's payments).
 */
public final class Endpoints {

    private Endpoints() {}

    public static Set<String> of(ApplicationContext ctx, boolean mutating) {
        RequestMappingHandlerMapping mapping =
                ctx.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        Set<String> endpoints = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.ruralbank")) {
                return; // the framework's own error controller
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add("ANY " + pattern);
                }
                for (RequestMethod m : methods) {
                    boolean isMutating =
                            m != RequestMethod.GET && m != RequestMethod.HEAD && m != RequestMethod.OPTIONS;
                    if (isMutating == mutating) {
                        endpoints.add(m + " " + pattern);
                    }
                }
            }
        });
        if (mutating) {
            ctx.getBeansOfType(SimpleUrlHandlerMapping.class)
                    .values()
                    .forEach(urls -> urls.getHandlerMap().forEach((pattern, handler) -> {
                        if (handler instanceof HttpRequestHandler
                                && handler.getClass().getPackageName().startsWith("org.ruralbank")) {
                            endpoints.add("POST " + pattern);
                        }
                    }));
        }
        return endpoints;
    }
}
