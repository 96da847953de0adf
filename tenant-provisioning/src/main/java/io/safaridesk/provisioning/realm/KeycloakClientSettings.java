package io.safaridesk.provisioning.realm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a call to a cell's Keycloak may take, and how many run at once ({@code safaridesk.keycloak.client.*}).
 * Every call is bounded: a Keycloak that does not answer, or a pool whose connections are all in use, is a {@link
 * KeycloakUnavailable} after at most {@code connectTimeout + poolTimeout + readTimeout}, never a hang.
 *
 * @param connectTimeout to open a connection
 * @param readTimeout to wait for each answer; creating a realm takes seconds once a Keycloak holds hundreds of them
 * @param poolTimeout to wait for a free connection of the cell's pool
 * @param poolSize connections per cell, shared by every thread of the process
 */
@ConfigurationProperties("safaridesk.keycloak.client")
record KeycloakClientSettings(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue("10s") Duration poolTimeout,
        @DefaultValue("20") int poolSize) {

    KeycloakClientSettings {
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(readTimeout, "read-timeout");
        requirePositive(poolTimeout, "pool-timeout");
        if (poolSize < 1) {
            throw new IllegalArgumentException("safaridesk.keycloak.client.pool-size must be at least 1");
        }
    }

    static KeycloakClientSettings defaults() {
        return new KeycloakClientSettings(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(10), 20);
    }

    /** The longest one call can take before it fails. */
    Duration longestCall() {
        return connectTimeout.plus(poolTimeout).plus(readTimeout);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("safaridesk.keycloak.client." + name + " must be positive");
        }
    }
}
