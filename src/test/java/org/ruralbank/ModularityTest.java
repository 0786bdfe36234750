package org.ruralbank;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The bounded contexts only use each other's API packages, and have no cycles. */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    @Test
    void contextsOnlyUseEachOthersApi() {
        MODULES.verify();
    }

    @Test
    void writesTheContextDiagram() {
        // target/spring-modulith-docs: the diagram docs/architecture.md is drawn from
        new Documenter(MODULES).writeModulesAsPlantUml();
    }
}
