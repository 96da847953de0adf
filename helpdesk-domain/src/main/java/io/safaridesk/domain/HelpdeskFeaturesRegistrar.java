package io.safaridesk.domain;

import java.util.Arrays;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Builds the named features: their components by scanning their packages, their entities and repositories by adding
 * the packages to Spring Boot's auto-configuration packages (which JPA's entity scan and repositories read).
 */
class HelpdeskFeaturesRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, ResourceLoaderAware {

    private Environment environment;
    private ResourceLoader resourceLoader;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setResourceLoader(ResourceLoader resourceLoader) {
        this.resourceLoader = resourceLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        String[] features = (String[]) metadata.getAnnotationAttributes(HelpdeskFeatures.class.getName())
                .get("value");
        String[] packages = Arrays.stream(features).map(this::packageOf).toArray(String[]::new);
        AutoConfigurationPackages.register(registry, packages);
        new ClassPathBeanDefinitionScanner(registry, true, environment, resourceLoader).scan(packages);
    }

    private String packageOf(String feature) {
        String name = HelpdeskFeatures.class.getPackageName() + "." + feature;
        // every feature module declares itself in a package-info: a misspelt feature fails the start, not a request
        if (!resourceLoader
                .getResource("classpath:" + name.replace('.', '/') + "/package-info.class")
                .exists()) {
            throw new IllegalArgumentException("No helpdesk feature module '" + feature + "' (package " + name + ")");
        }
        return name;
    }
}
