package io.safaridesk.provisioning.domain;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link DomainVerifier}, set up from {@code safaridesk.domain-verification.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DomainVerificationProperties.class)
class DomainVerificationConfiguration {

    @Bean
    DomainVerifier domainVerifier(DomainVerificationProperties properties) {
        return DomainVerifier.create(properties);
    }
}
