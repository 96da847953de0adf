package io.safaridesk.platform.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.safaridesk.platform.actor.Actor;
import io.swagger.v3.core.jackson.ModelResolver;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI documents describe the wire: properties in snake_case, as our JSON is written and read
 * ({@code spring.jackson.property-naming-strategy}), and no parameter for what the server resolves itself (the
 * calling {@link Actor}).
 */
@Configuration(proxyBeanMethods = false)
// only where a service serves API documents: the worker scans this package too and has no springdoc
@ConditionalOnClass(name = "org.springdoc.core.providers.ObjectMapperProvider")
class ApiDocsConventions {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    ModelResolver snakeCaseModels(ObjectMapperProvider mappers) {
        return new ModelResolver(
                mappers.jsonMapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
