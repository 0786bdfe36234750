package org.ruralbank.appraisal.web;

import java.util.Set;
import org.ruralbank.platform.MenuEntry;
import org.ruralbank.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The performance appraisal section of the menu (runs, results, schemes, pools). */
@Configuration
class AppraisalMenu {

    @Bean
    MenuEntry appraisalResultsMenu() {
        return new MenuEntry(
                "menu.appraisal",
                "menu.appraisal.results",
                "/appraisal/results",
                Set.of(Role.PERF, Role.BRANCH_HEAD, Role.CM, Role.AUDITOR),
                400);
    }

    @Bean
    MenuEntry appraisalPoolsMenu() {
        return new MenuEntry(
                "menu.appraisal",
                "menu.appraisal.pools",
                "/appraisal/pools",
                Set.of(Role.PERF, Role.BRANCH_HEAD, Role.CM, Role.AUDITOR), // CM: a department's head may be one
                401);
    }

    @Bean
    MenuEntry appraisalRunsMenu() {
        return new MenuEntry("menu.appraisal", "menu.appraisal.runs", "/appraisal/office/runs", Set.of(Role.PERF), 402);
    }

    @Bean
    MenuEntry appraisalSchemesMenu() {
        return new MenuEntry(
                "menu.appraisal",
                "menu.appraisal.schemes",
                "/appraisal/schemes",
                Set.of(Role.PERF, Role.BRANCH_HEAD, Role.CM, Role.AUDITOR),
                403);
    }
}
