package org.ruralbank.appraisal.web;

import java.util.Set;
import org.ruralbank.platform.MenuEntry;
import org.ruralbank.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The appraisal section of the menu: FTP, claims, hand-over and disputes. */
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
    MenuEntry handOverMenu() {
        return new MenuEntry(
                "menu.appraisal",
                "menu.appraisal.handover",
                "/appraisal/claims/handover",
                Set.of(Role.BRANCH_HEAD, Role.PERF),
                423);
    }

    @Bean
    MenuEntry disputesMenu() {
        return new MenuEntry("menu.appraisal", "menu.appraisal.disputes", "/appraisal/disputes", Set.of(), 422);
    }
}
