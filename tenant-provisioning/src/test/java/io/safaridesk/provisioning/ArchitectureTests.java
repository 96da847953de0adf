package io.safaridesk.provisioning;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.safaridesk.platform.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.safaridesk.provisioning");

    @Test
    void packagesByFeature() {
        ArchitectureRules.NO_LAYER_PACKAGES.check(classes);
    }

    @Test
    void injectsThroughConstructors() {
        ArchitectureRules.NO_FIELD_INJECTION.check(classes);
    }
}
