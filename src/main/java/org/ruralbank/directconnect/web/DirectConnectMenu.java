package org.ruralbank.directconnect.web;

import java.util.Set;
import org.ruralbank.platform.MenuEntry;
import org.ruralbank.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The direct-connection section of the menu. */
@Configuration
class DirectConnectMenu {

    private static final Set<Role> READERS = Set.of(Role.ADMIN, Role.EBANK, Role.BRANCH_HEAD, Role.AUDITOR);

    @Bean
    MenuEntry dcEnterprisesMenu() {
        return new MenuEntry("menu.dc", "menu.dc.enterprises", "/directconnect/enterprises", READERS, 500);
    }

    @Bean
    MenuEntry dcChangesMenu() {
        return new MenuEntry("menu.dc", "menu.dc.changes", "/directconnect/changes", READERS, 510);
    }

    @Bean
    MenuEntry dcInstructionsMenu() {
        return new MenuEntry("menu.dc", "menu.dc.instructions", "/directconnect/instructions", READERS, 520);
    }

    @Bean
    MenuEntry dcReconciliationMenu() {
        return new MenuEntry("menu.dc", "menu.dc.reconciliation", "/directconnect/reconciliation", READERS, 530);
    }

    @Bean
    MenuEntry dcTreasuryMenu() {
        return new MenuEntry("menu.dc", "menu.dc.treasury", "/directconnect/treasury", READERS, 540);
    }
}
