package org.ruralbank.directconnect.web;

import org.ruralbank.directconnect.Problems;
import org.ruralbank.directconnect.internal.Xml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every refusal of the partner API as an RFC 9457 problem; an unexpected failure is logged, never shown. */
@RestControllerAdvice(assignableTypes = {PartnerApiController.class, TreasuryApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PartnerApiProblems {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerApiProblems.class);
    static final String UNEXPECTED = "the request could not be completed; a retry with the same idempotency key "
            + "is safe: it never executes twice";

    @ExceptionHandler(Problems.Problem.class)
    ResponseEntity<ProblemDetail> problem(Problems.Problem p) {
        return of(p.status(), p.type(), p.getMessage());
    }

    @ExceptionHandler(Xml.BadXml.class)
    ResponseEntity<ProblemDetail> badXml(Xml.BadXml e) {
        return of(400, e.kind(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return of(400, "malformed", "the body cannot be read as the operation's documented request");
    }

    @ExceptionHandler({
        MissingServletRequestParameterException.class,
        MissingRequestHeaderException.class,
        MethodArgumentTypeMismatchException.class
    })
    ResponseEntity<ProblemDetail> badRequest(Exception e) {
        return of(400, "bad-request", e.getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return of(405, "bad-request", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        LOG.error("partner API request failed", e);
        return of(500, "internal", UNEXPECTED);
    }

    static ResponseEntity<ProblemDetail> of(int status, String type, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        p.setType(java.net.URI.create(Problems.TYPE_PREFIX + type));
        p.setTitle(Problems.title(type));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }
}
