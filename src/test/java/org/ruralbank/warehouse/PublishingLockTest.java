package org.ruralbank.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ruralbank.testing.TestStores;

/**
 * The warehouse changes its file only under its publishing lock, and the lock holds across processes: while
 * another process (a backup copying the file) holds it, preparing, publishing or opening waits, and a second holder
 * is turned away.
 */
class PublishingLockTest {

    @Test
    void theWarehouseWaitsWhileAnotherProcessHoldsThePublishingLock() throws Exception {
        Path home = TestStores.tempHome();
        Process holder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        PublishingLockHolder.class.getName(),
                        home.toString())
                .redirectErrorStream(true)
                .start();
        try (Warehouse warehouse = Warehouse.under(home, false);
                var out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("ready");
            assertThat(PublishingLock.of(Warehouse.fileUnder(home)).acquire(Duration.ofMillis(300)))
                    .isNull();
            CompletableFuture<Void> prepared = CompletableFuture.runAsync(warehouse::prepare);
            Thread.sleep(1500);
            assertThat(prepared)
                    .as("opens and prepares only once the lock is free")
                    .isNotDone();
            holder.getOutputStream().close();
            prepared.get(60, TimeUnit.SECONDS);
            assertThat(warehouse.exists()).isTrue();
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        try (PublishingLock.Held held =
                PublishingLock.of(Warehouse.fileUnder(home)).acquire(Duration.ofSeconds(1))) {
            assertThat(held).as("free again once the warehouse is closed").isNotNull();
        }
    }
}
