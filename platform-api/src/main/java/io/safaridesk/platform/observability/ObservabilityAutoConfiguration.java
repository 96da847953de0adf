package io.safaridesk.platform.observability;

import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** What every SafariDesk service shares for metrics and traces. */
@AutoConfiguration
@EnableConfigurationProperties(MetricsProperties.class)
public class ObservabilityAutoConfiguration {

    @Bean
    MeterFilter workspaceTagFilter(MetricsProperties properties) {
        return new WorkspaceTagFilter(properties.workspaces());
    }

    /** Tracing when the service has a tracer (management.tracing.enabled), else {@link TraceCarrier#NONE}. */
    @Bean
    TraceCarrier traceCarrier(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer active = tracer.getIfAvailable();
        Propagator fields = propagator.getIfAvailable();
        return active == null || fields == null ? TraceCarrier.NONE : new TraceCarrier(active, fields);
    }
}
