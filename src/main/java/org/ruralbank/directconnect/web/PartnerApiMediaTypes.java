package org.ruralbank.directconnect.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A partner request whose Content-Type no operation of its path accepts, answered as a problem like every other
 * refusal of the API. The framework refuses such a request before it chooses a controller, so
 * {@link PartnerApiProblems} (which serves the partner controllers) never sees it; this advice serves every request
 * and answers only those of the partner API.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PartnerApiMediaTypes {

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupported(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/dc/")) {
            return ResponseEntity.status(415).build();
        }
        return PartnerApiProblems.of(
                415,
                "unsupported-media-type",
                "the Content-Type " + e.getContentType() + " is not accepted here; send one of "
                        + e.getSupportedMediaTypes());
    }

    /**
     * Whether a request's Content-Type header is one of {@code accepted} (parameters such as a charset allowed);
     * false for none and for one that cannot be read. For the operations that check it themselves, so that a wrong
     * one is answered as a problem.
     */
    static boolean isOneOf(@Nullable String contentType, MediaType... accepted) {
        try {
            MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
            return type != null && Arrays.stream(accepted).anyMatch(a -> a.includes(type));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
