package org.ruralbank.warehouse.internal;

import java.nio.file.Path;
import org.ruralbank.warehouse.Models;
import org.ruralbank.warehouse.ReferenceData;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The warehouse of the application's home folder, announcing the dates it publishes as application events; opened
 * read-only with {@code ruralbank.warehouse.read-only=true} (a command that only reads it, so that it can run beside
 * another reader).
 */
@Configuration
class WarehouseConfig {

    @Bean(destroyMethod = "close")
    Warehouse warehouse(
            @Value("${ruralbank.home:./data}") String home,
            @Value("${ruralbank.warehouse.read-only:false}") boolean readOnly,
            ApplicationEventPublisher events,
            ObjectProvider<ReferenceData> references) {
        return Warehouse.under(Path.of(home).toAbsolutePath().normalize(), readOnly, Models.load(), events)
                .withReferences(() -> references.orderedStream().toList());
    }
}
