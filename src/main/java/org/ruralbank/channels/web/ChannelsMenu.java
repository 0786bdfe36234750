package org.ruralbank.channels.web;

import java.util.Set;
import org.ruralbank.platform.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The e-banking channels section of the menu. */
@Configuration
class ChannelsMenu {

    @Bean
    MenuEntry targetsMenu() {
        return new MenuEntry("menu.channels", "menu.channels.targets", "/channels/targets", Set.of(), 300);
    }

    @Bean
    MenuEntry cardsMenu() {
        return new MenuEntry("menu.channels", "menu.channels.cards", "/channels/cards", Set.of(), 305);
    }

    @Bean
    MenuEntry devicesMenu() {
        return new MenuEntry("menu.channels", "menu.channels.devices", "/channels/devices", Set.of(), 306);
    }

    @Bean
    MenuEntry villageMenu() {
        return new MenuEntry("menu.channels", "menu.channels.village", "/channels/village", Set.of(), 306);
    }

    @Bean
    MenuEntry merchantsMenu() {
        return new MenuEntry("menu.channels", "menu.channels.merchants", "/channels/merchants", Set.of(), 307);
    }

    @Bean
    MenuEntry onlineMenu() {
        return new MenuEntry("menu.channels", "menu.channels.online", "/channels/online", Set.of(), 308);
    }

    @Bean
    MenuEntry limitsMenu() {
        return new MenuEntry("menu.channels", "menu.channels.limits", "/channels/limits", Set.of(), 308);
    }

    @Bean
    MenuEntry substitutionMenu() {
        return new MenuEntry("menu.channels", "menu.channels.substitution", "/channels/substitution", Set.of(), 309);
    }

    @Bean
    MenuEntry annualReportMenu() {
        return new MenuEntry("menu.channels", "menu.channels.report", "/channels/report", Set.of(), 310);
    }
}
