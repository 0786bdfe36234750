package org.ruralbank.directconnect.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
        return PartnerApiProblems.of(415, "unsupported-media-type", "the Content-Type " + e.getContentType()
                + " is not accepted here; send one of " + e.getSupportedMediaTypes());
    }
}
