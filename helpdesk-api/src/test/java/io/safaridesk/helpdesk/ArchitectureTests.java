package io.safaridesk.helpdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.safaridesk.helpdesk");

    @Test
    void packagesByFeature() {
        ArchitectureRules.NO_LAYER_PACKAGES.check(classes);
    }

    @Test
    void injectsThroughConstructors() {
        ArchitectureRules.NO_FIELD_INJECTION.check(classes);
    }

    /** Undeclared means refused at run time; this names the route at build time instead. */
    @Test
    void everyRouteDeclaresItsCallers() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(RestController.class)
                .and(ROUTES)
                .should(DECLARE_CALLERS)
                .check(classes);
    }

    private static final DescribedPredicate<JavaMethod> ROUTES =
            DescribedPredicate.describe("are routes", method -> method.isMetaAnnotatedWith(RequestMapping.class));

    private static final ArchCondition<JavaMethod> DECLARE_CALLERS = new ArchCondition<>("declare their callers") {
        @Override
        public void check(JavaMethod method, ConditionEvents events) {
            boolean declared =
                    method.isAnnotatedWith(Callers.class) || method.getOwner().isAnnotatedWith(Callers.class);
            events.add(new SimpleConditionEvent(
                    method,
                    declared,
                    method.getFullName() + (declared ? " declares" : " does not declare")
                            + " @Callers on itself or its controller"));
        }
    };
}
