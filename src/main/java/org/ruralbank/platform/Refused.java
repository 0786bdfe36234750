package org.ruralbank.platform;

/**
 * A request the actor is not allowed to make because it reaches further than they hold (a role, a scope, an org,
 * a user above them): answered as 403 with the message, and audited as denied.
 */
public class Refused extends Rejected {

    public Refused(String field, String code, Object... args) {
        super(field, code, args);
    }
}
