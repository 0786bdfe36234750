package org.ruralbank;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The bounded contexts only use each other's API packages, and have no cycles; every package declares nullness. */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    @Test
    void contextsOnlyUseEachOthersApi() {
        MODULES.verify();
    }

    @Test
    void everyPackageSaysItsTypesAreNonNullUnlessMarkedNullable() {
        var undeclared = new TreeSet<String>();
        for (var c : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ruralbank")) {
            JavaPackage p = c.getPackage();
            if (!p.getName().equals("org.ruralbank") && !p.isAnnotatedWith(NullMarked.class)) {
                undeclared.add(p.getName());
            }
        }
        assertThat(undeclared)
                .as("packages without @NullMarked in their package-info")
                .isEmpty();
    }

    @Test
    void writesTheContextDiagram() {
        // target/spring-modulith-docs: the diagram docs/architecture.md is drawn from
        new Documenter(MODULES).writeModulesAsPlantUml();
    }
}
