package io.safaridesk.platform.observability;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Product metrics settings.
 *
 * @param workspaces the workspaces whose name may appear as the {@code workspace} tag; all others are {@code other}
 */
@ConfigurationProperties("safaridesk.metrics")
public record MetricsProperties(Set<String> workspaces) {

    public MetricsProperties {
        workspaces = workspaces == null ? Set.of() : Set.copyOf(workspaces);
    }
}
