package io.safaridesk.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Names the helpdesk feature modules a service uses, so that it builds the beans, entities and repositories of those
 * and of no other: the worker, for instance, never builds the knowledge base's search. A feature is named by its
 * package under {@code io.safaridesk.domain} ({@code "ticket"}, {@code "sla"}, ...); a feature another one needs must be
 * named as well, or the service does not start.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Import(HelpdeskFeaturesRegistrar.class)
public @interface HelpdeskFeatures {

    /** The feature packages under {@code io.safaridesk.domain}. */
    String[] value();
}
