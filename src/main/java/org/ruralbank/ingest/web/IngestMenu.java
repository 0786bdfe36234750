package org.ruralbank.ingest.web;

import java.util.Set;
import org.ruralbank.platform.MenuEntry;
import org.ruralbank.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The data platform's intake pages in the menu. */
@Configuration
class IngestMenu {

    @Bean
    MenuEntry dataLoadMenu() {
        return new MenuEntry("menu.data", "menu.data.load", "/data", Set.of(Role.EBANK, Role.ADMIN), 100);
    }

    @Bean
    MenuEntry dataTestsMenu() {
        return new MenuEntry("menu.data", "menu.data.tests", "/data/tests", Set.of(Role.EBANK, Role.ADMIN), 110);
    }
}
