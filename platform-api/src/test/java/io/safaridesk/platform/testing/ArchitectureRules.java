package io.safaridesk.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;

/** The architecture rules every SafariDesk module keeps (CONVENTIONS.md). */
public final class ArchitectureRules {

    /** Package by feature: no layer packages such as {@code controller}, {@code service} or {@code dto}. */
    public static final ArchRule NO_LAYER_PACKAGES = noClasses()
            .should()
            .resideInAnyPackage("..controller..", "..controllers..", "..service..", "..services..", "..dto..")
            .because("code is packaged by feature, with the web adapter in a feature's web sub-package")
            .allowEmptyShould(true);

    /** One constructor for injection, never field injection. */
    public static final ArchRule NO_FIELD_INJECTION = noFields()
            .should()
            .beAnnotatedWith(Autowired.class)
            .because("dependencies come through the one constructor")
            .allowEmptyShould(true);

    private ArchitectureRules() {}
}
