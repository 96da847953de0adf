package io.safaridesk.helpdesk.security;

import io.safaridesk.domain.apitoken.ApiScope;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a controller's routes, declared on the controller or on a handler method (the method's declaration
 * wins). A route under {@code /api/v1} that declares nothing is refused to everyone, and the build fails on it
 * ({@code ArchitectureTests}). Checked before the request is read ({@link DeclaredAccess}), so a caller who may not call
 * a route learns nothing from its validation.
 *
 * <p>{@code @Callers({ADMIN, AGENT})} serves staff; {@code @Callers(value = {ADMIN, AGENT}, tokens = TICKETS_READ)}
 * also API tokens granted that scope.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Callers {

    /** The people who may call. */
    Caller[] value();

    /** API tokens granted one of these scopes may call too; none unless named. */
    ApiScope[] tokens() default {};
}
