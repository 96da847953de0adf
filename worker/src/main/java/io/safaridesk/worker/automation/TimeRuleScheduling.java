package io.safaridesk.worker.automation;

import io.safaridesk.domain.automation.AutomationRuns;
import io.safaridesk.platform.tenancy.TenantDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every {@code safaridesk.automation.sweep-interval} (default 5 minutes), runs the time rules of each active
 * workspace, acting at most {@code safaridesk.automation.sweep-batch} times per workspace and sweep (default 500; the
 * rest waits for the next sweep). Replicas may sweep at once: a ticket one of them holds is skipped by the other, and
 * a rule acts once per ticket and condition episode (the firing row is the key).
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "safaridesk.automation.sweep-enabled", havingValue = "true", matchIfMissing = true)
class TimeRuleScheduling {

    private final TenantDirectory directory;
    private final AutomationRuns runs;
    private final int batch;

    TimeRuleScheduling(
            TenantDirectory directory,
            AutomationRuns runs,
            @Value("${safaridesk.automation.sweep-batch:500}") int batch) {
        this.directory = directory;
        this.runs = runs;
        this.batch = batch;
    }

    @Scheduled(fixedDelayString = "${safaridesk.automation.sweep-interval:5m}")
    void sweep() {
        directory.forEachActive("Time rule sweep", workspace -> runs.sweep(batch));
    }
}
