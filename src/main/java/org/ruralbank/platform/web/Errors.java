package org.ruralbank.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.ruralbank.platform.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages for what the user asked that is not there (or not theirs to see: the two look the same), for a parameter
 * that is not what the page takes (400, naming the parameter and the value); all in the application's layout. Other
 * client errors render {@code error/4xx}, server errors {@code error/500}, a form that expired {@code error/403}
 * with the web security's {@code formExpired} attribute.
 */
@ControllerAdvice
class Errors {

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    /**
     * A parameter of the wrong type (a date that is none, an id that is not a number) or a required one missing:
     * answered 400, and the error page ({@code error/4xx}, rendered with the layout's user and menu like every error
     * page) names it and the value. An API answers 400 in its own format, as before.
     */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView badParameter(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (e instanceof MethodArgumentTypeMismatchException m) {
            String value = String.valueOf(m.getValue());
            request.setAttribute("parameter", m.getName());
            request.setAttribute("value", value.length() > 60 ? value.substring(0, 60) + "…" : value);
        } else if (e instanceof MissingServletRequestParameterException m) {
            request.setAttribute("parameter", m.getParameterName());
            request.setAttribute("value", "");
        }
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        return new ModelAndView();
    }
}
