package org.ruralbank.points.web;

import java.util.Set;
import org.ruralbank.platform.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The loyalty points section of the menu. */
@Configuration
class PointsMenu {

    @Bean
    MenuEntry pointsOverviewMenu() {
        return new MenuEntry("menu.points", "menu.points.overview", "/points", Set.of(), 500);
    }

    @Bean
    MenuEntry pointsPartnersMenu() {
        return new MenuEntry("menu.points", "menu.points.partners", "/points/partners", Set.of(), 501);
    }

    @Bean
    MenuEntry pointsCareMenu() {
        return new MenuEntry("menu.points", "menu.points.care", "/points/care", Set.of(), 502);
    }

    @Bean
    MenuEntry pointsFinanceMenu() {
        return new MenuEntry("menu.points", "menu.points.finance", "/points/finance", Set.of(), 503);
    }
}
