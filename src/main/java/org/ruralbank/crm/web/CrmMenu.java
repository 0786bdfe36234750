package org.ruralbank.crm.web;

import java.util.Set;
import org.ruralbank.platform.MenuEntry;
import org.ruralbank.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The CRM section of the menu: customers, guarantee circles, value, marketing lists, portfolios, hand-overs, tasks. */
@Configuration
class CrmMenu {

    static final Set<Role> READERS = Set.of(Role.CM, Role.BRANCH_HEAD, Role.AUDITOR);

    @Bean
    MenuEntry crmCustomersMenu() {
        return new MenuEntry("menu.crm", "menu.crm.customers", "/crm/customers", READERS, 500);
    }

    @Bean
    MenuEntry crmCirclesMenu() {
        return new MenuEntry("menu.crm", "menu.crm.circles", "/crm/circles", READERS, 501);
    }

    @Bean
    MenuEntry crmListsMenu() {
        return new MenuEntry("menu.crm", "menu.crm.lists", "/crm/lists", READERS, 503);
    }

    @Bean
    MenuEntry crmTasksMenu() {
        return new MenuEntry("menu.crm", "menu.crm.tasks", "/crm/tasks", READERS, 506);
    }

    @Bean
    MenuEntry crmPortfoliosMenu() {
        return new MenuEntry("menu.crm", "menu.crm.portfolios", "/crm/portfolios", READERS, 504);
    }

    @Bean
    MenuEntry crmHandOversMenu() {
        return new MenuEntry("menu.crm", "menu.crm.handovers", "/crm/handovers", READERS, 505);
    }

    @Bean
    MenuEntry crmValueMenu() {
        return new MenuEntry("menu.crm", "menu.crm.value", "/crm/value", READERS, 502);
    }
}
