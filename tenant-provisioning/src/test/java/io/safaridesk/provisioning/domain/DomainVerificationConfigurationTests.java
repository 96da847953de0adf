package io.safaridesk.provisioning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Binding and bean creation, in a bare application context (no database, no web server). */
class DomainVerificationConfigurationTests {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(DomainVerificationConfiguration.class);

    @Test
    void createsTheVerifierWithProductionDefaults() {
        context.run(started -> {
            assertThat(started).hasSingleBean(DomainVerifier.class);
            assertThat(started.getBean(DomainVerificationProperties.class))
                    .isEqualTo(DomainVerificationProperties.defaults());
        });
    }

    @Test
    void bindsTheSettings() {
        context.withPropertyValues(
                        "safaridesk.domain-verification.dns-resolver=127.0.0.1:5353",
                        "safaridesk.domain-verification.allow-plain-http=true",
                        "safaridesk.domain-verification.allow-test-domains=true",
                        "safaridesk.domain-verification.dns-timeout=500ms",
                        "safaridesk.domain-verification.http-timeout=2s",
                        "safaridesk.domain-verification.well-known-port=8443")
                .run(started -> assertThat(started.getBean(DomainVerificationProperties.class))
                        .isEqualTo(new DomainVerificationProperties(
                                "127.0.0.1:5353", true, true, Duration.ofMillis(500), Duration.ofSeconds(2), 8443)));
    }

    @Test
    void failsToStartOnAMalformedResolver() {
        context.withPropertyValues("safaridesk.domain-verification.dns-resolver=dns://nowhere")
                .run(started -> assertThat(started).hasFailed());
    }

    @Test
    void acceptsTheEmptyResolverOfTheApplicationYml() {
        context.withPropertyValues("safaridesk.domain-verification.dns-resolver=")
                .run(started -> assertThat(started.getBean(DomainVerificationProperties.class)
                                .dnsResolver())
                        .isNull());
    }
}
