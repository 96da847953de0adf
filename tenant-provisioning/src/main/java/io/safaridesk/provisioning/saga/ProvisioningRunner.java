package io.safaridesk.provisioning.saga;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Works off due provisioning jobs in the background; several replicas may run it side by side. */
@Component
@ConditionalOnProperty(name = "safaridesk.provisioning.runner-enabled", havingValue = "true", matchIfMissing = true)
class ProvisioningRunner {

    /** Long enough for the slowest step; a runner that dies releases its job when the lease runs out. */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final ProvisioningJobs jobs;
    private final ProvisioningSaga saga;

    ProvisioningRunner(ProvisioningJobs jobs, ProvisioningSaga saga) {
        this.jobs = jobs;
        this.saga = saga;
    }

    @Scheduled(fixedDelayString = "${safaridesk.provisioning.poll-interval:1s}")
    void runDueJobs() {
        for (Optional<UUID> job = jobs.claimNext(LEASE); job.isPresent(); job = jobs.claimNext(LEASE)) {
            saga.runJob(job.get());
        }
    }
}
