package org.ruralbank.warehouse;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Stands in for a server publishing a date in a process of its own: {@code PublishingLockHolder HOME} takes the
 * warehouse's publishing lock, prints {@code ready} and holds it until its standard input closes.
 */
public final class PublishingLockHolder {

    private PublishingLockHolder() {}

    public static void main(String[] args) throws Exception {
        try (PublishingLock.Held held =
                PublishingLock.of(Warehouse.fileUnder(Path.of(args[0]))).acquire(Duration.ofSeconds(10))) {
            System.out.println(held == null ? "busy" : "ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our input
            }
        }
    }
}
