package io.safaridesk.platform.testing;

import io.safaridesk.infra.stack.TestServices;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the test JVM's services: the {@code SAFARIDESK_*} variables where set, else
 * embedded stand-ins (see {@link TestServices}).
 */
public final class TestServicesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> endpoints = Map.copyOf(TestServices.endpoints().asEnvironment());
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("safaridesk-test-services", endpoints));
    }
}
