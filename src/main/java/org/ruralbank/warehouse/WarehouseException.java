package org.ruralbank.warehouse;

/** A statement the warehouse could not run; the message names the statement. */
public class WarehouseException extends RuntimeException {

    public WarehouseException(String message, Throwable cause) {
        super(message, cause);
    }
}
