package org.ruralbank.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.ruralbank.platform.NotFound;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;
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
     * A parameter of the wrong type (a date that is none, an id that is not a number) or a required one missing: a
     * 400 page that names it. An API (a {@code @ResponseBody} handler) answers 400 as before, in its own format.
     */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView badParameter(Exception e, HandlerMethod handler, HttpServletResponse response) throws IOException {
        if (handler.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return new ModelAndView();
        }
        ModelAndView page = new ModelAndView("error/4xx", HttpStatus.BAD_REQUEST);
        if (e instanceof MethodArgumentTypeMismatchException m) {
            String value = String.valueOf(m.getValue());
            page.addObject("parameter", m.getName());
            page.addObject("value", value.length() > 60 ? value.substring(0, 60) + "…" : value);
        } else if (e instanceof MissingServletRequestParameterException m) {
            page.addObject("parameter", m.getParameterName());
            page.addObject("value", "");
        }
        return page;
    }
}
