package org.ruralbank.ingest.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.ruralbank.delivery.DeliveryTables;
import org.ruralbank.ingest.Ingest;
import org.ruralbank.ingest.IngestSettings;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the intake: the inbox {@code ruralbank.ingest.inbox} (default {@code <home>/inbox}), tolerances {@code ruralbank.ingest.tolerance.<TABLE>=N}, ODS retention
 * {@code ruralbank.ingest.ods-retention-days}, reader threads {@code ruralbank.ingest.threads}. The warehouse
 * announces the dates it publishes as application events ({@link CoreFollower} keeps the org tree and staff users in
 * step).
 */
@Configuration
class IngestConfig {

    @Bean
    IngestSettings ingestSettings(Environment env) {
        Map<String, Long> tolerances = new HashMap<>();
        for (var t : DeliveryTables.all()) {
            Long v = env.getProperty("ruralbank.ingest.tolerance." + t.name(), Long.class);
            if (v != null) {
                tolerances.put(t.name(), v);
            }
        }
        String extra = env.getProperty("ruralbank.ingest.tolerances", "");
        for (String pair : extra.split(",")) {
            String[] kv = pair.split("=");
            if (kv.length == 2) {
                tolerances.put(kv[0].strip(), Long.parseLong(kv[1].strip()));
            }
        }
        return new IngestSettings(
                tolerances,
                env.getProperty("ruralbank.ingest.ods-retention-days", Integer.class, 0),
                env.getProperty(
                        "ruralbank.ingest.threads",
                        Integer.class,
                        Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    @Bean
    Ingest ingest(
            Warehouse warehouse,
            IngestSettings settings,
            @Value("${ruralbank.home:./data}") String home,
            @Value("${ruralbank.ingest.inbox:}") String inbox) {
        Path h = Path.of(home).toAbsolutePath().normalize();
        return new Ingest(warehouse, settings, h, inbox.isBlank() ? h.resolve("inbox") : h.resolve(inbox));
    }
}
