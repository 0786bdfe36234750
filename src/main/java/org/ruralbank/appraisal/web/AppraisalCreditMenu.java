package org.ruralbank.appraisal.web;

import java.util.Set;
import org.ruralbank.platform.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The appraisal section of the menu: FTP, claims and disputes. */
@Configuration
class AppraisalCreditMenu {

    @Bean
    MenuEntry ftpMenu() {
        return new MenuEntry("menu.appraisal", "menu.appraisal.ftp", "/appraisal/ftp", Set.of(), 420);
    }

    @Bean
    MenuEntry claimsMenu() {
        return new MenuEntry("menu.appraisal", "menu.appraisal.claims", "/appraisal/claims", Set.of(), 421);
    }

    @Bean
    MenuEntry disputesMenu() {
        return new MenuEntry("menu.appraisal", "menu.appraisal.disputes", "/appraisal/disputes", Set.of(), 422);
    }
}
