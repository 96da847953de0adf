package io.safaridesk.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.safaridesk.platform.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.safaridesk.domain");

    @Test
    void packagesByFeature() {
        ArchitectureRules.NO_LAYER_PACKAGES.check(classes);
    }

    @Test
    void injectsThroughConstructors() {
        ArchitectureRules.NO_FIELD_INJECTION.check(classes);
    }

    @Test
    void holdsNoWebOrMessagingAdapter() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web.bind..", "jakarta.servlet..", "org.springframework.amqp..")
                .because("the services own their adapters: helpdesk-api the web, the worker the queues")
                .check(classes);
    }
}
