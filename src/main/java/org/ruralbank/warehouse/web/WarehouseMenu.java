package org.ruralbank.warehouse.web;

import java.util.Set;
import org.ruralbank.platform.MenuEntry;
import org.ruralbank.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The warehouse pages in the data platform's menu section. */
@Configuration
class WarehouseMenu {

    @Bean
    MenuEntry modelsMenu() {
        return new MenuEntry("menu.data", "menu.data.models", "/warehouse/models", Set.of(Role.EBANK, Role.ADMIN), 120);
    }

    @Bean
    MenuEntry orgOverviewMenu() {
        return new MenuEntry("menu.data", "menu.data.orgs", "/warehouse/orgs", Set.of(Role.EBANK, Role.ADMIN), 130);
    }

    @Bean
    MenuEntry sqlMenu() {
        return new MenuEntry("menu.data", "menu.data.sql", "/warehouse/sql", Set.of(Role.EBANK, Role.ADMIN), 140);
    }
}
