package org.ruralbank.platform;

/** Nothing of that kind and id within the caller's scope: answered as 404, whether it exists elsewhere or not. */
public class NotFound extends Rejected {

    public NotFound(String kind, String id) {
        super("id", "notFound", kind, id);
    }
}
