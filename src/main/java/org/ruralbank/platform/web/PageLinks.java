package org.ruralbank.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** Links of a list page that keep its search filters: to another page of the list, and to its Excel export. */
public final class PageLinks {

    private final String path;
    private final Map<String, String[]> params;

    PageLinks(HttpServletRequest request) {
        this.path = request.getRequestURI();
        this.params = request.getParameterMap();
    }

    /** The same list at page {@code n}. */
    public String page(int n) {
        return path + "?" + query("page", String.valueOf(n));
    }

    /** The Excel export of the same list with the same filters ({@code <path>/export}). */
    public String export() {
        String q = query(null, null);
        return path.replaceAll("/$", "") + "/export" + (q.isEmpty() ? "" : "?" + q);
    }

    private String query(String replaceKey, String replaceValue) {
        StringJoiner q = new StringJoiner("&");
        params.forEach((k, values) -> {
            if (k.equals("page") || k.equals("lang") || k.equals("_csrf")) {
                return;
            }
            for (String v : values) {
                q.add(enc(k) + "=" + enc(v));
            }
        });
        if (replaceKey != null) {
            q.add(enc(replaceKey) + "=" + enc(replaceValue));
        }
        return q.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
