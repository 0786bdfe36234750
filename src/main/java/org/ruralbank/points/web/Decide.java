package org.ruralbank.points.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The checker's decision as the pages send it ({@code approve=true|false}). Read after the method's authorization,
 * so that a request without it is refused by role first and never taken for a rejection.
 */
final class Decide {

    private Decide() {}

    static boolean approve(@Nullable Boolean approve) {
        if (approve == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "approve: true or false");
        }
        return approve;
    }
}
