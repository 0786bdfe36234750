package org.ruralbank.platform.web;

import java.util.Set;
import org.ruralbank.platform.MenuEntry;
import org.ruralbank.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's own menu items: home and the system-management section. */
@Configuration
class PlatformMenu {

    @Bean
    MenuEntry homeMenu() {
        return new MenuEntry("menu.home", "menu.home.overview", "/home", Set.of(), 0);
    }

    @Bean
    MenuEntry usersMenu() {
        return new MenuEntry(
                "menu.system", "menu.system.users", "/users", Set.of(Role.ADMIN, Role.AUDITOR, Role.BRANCH_HEAD), 900);
    }

    @Bean
    MenuEntry orgsMenu() {
        return new MenuEntry("menu.system", "menu.system.orgs", "/orgs", Set.of(), 910);
    }

    @Bean
    MenuEntry auditMenu() {
        return new MenuEntry("menu.system", "menu.system.audit", "/audit", Set.of(Role.ADMIN, Role.AUDITOR), 920);
    }

    @Bean
    MenuEntry aboutMenu() {
        return new MenuEntry("menu.system", "menu.system.about", "/about", Set.of(), 990);
    }
}
