package org.ruralbank.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.ruralbank.platform.Spreadsheets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Response headers of a file download. */
public final class Download {

    private Download() {}

    /** Prepares an Excel download named {@code <name>.xlsx}. */
    public static void xlsx(HttpServletResponse response, String name) {
        response.setContentType(Spreadsheets.CONTENT_TYPE);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(name + ".xlsx", StandardCharsets.UTF_8)
                        .build()
                        .toString());
    }
}
