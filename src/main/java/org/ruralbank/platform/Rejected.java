package org.ruralbank.platform;

import java.util.Arrays;

/**
 * A request the business rules refuse: names the field (or parameter) at fault and carries a message code from
 * the message bundles, so the page can say in the user's language what to do. Never a server error.
 */
public class Rejected extends RuntimeException {

    private final String field;
    private final String code;
    private final transient Object[] args;

    public Rejected(String field, String code, Object... args) {
        super(field + ": " + code + " " + Arrays.toString(args));
        this.field = field;
        this.code = code;
        this.args = args.clone();
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
