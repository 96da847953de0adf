package io.safaridesk.worker.sla;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often the worker sweeps every workspace for SLA crossings, and the durable queue that carries one "sweep this
 * workspace" message per active workspace to whichever worker instance takes it.
 */
@ConfigurationProperties("safaridesk.sla.sweep")
record SlaSweepProperties(Boolean enabled, Duration interval, String queue) {

    SlaSweepProperties {
        enabled = enabled == null || enabled;
        interval = interval == null ? Duration.ofMinutes(1) : interval;
        queue = queue == null ? "safaridesk.sla.sweeps" : queue;
    }
}
