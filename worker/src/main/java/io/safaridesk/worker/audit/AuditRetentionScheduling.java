package io.safaridesk.worker.audit;

import io.safaridesk.platform.audit.AuditLog;
import io.safaridesk.platform.tenancy.TenantDirectory;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every {@code safaridesk.audit.purge-interval}, in each active workspace: removes audit entries older than {@code
 * safaridesk.audit.retention}. Replicas may purge at once: a row deleted twice is gone once.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "safaridesk.audit.purge-enabled", havingValue = "true", matchIfMissing = true)
class AuditRetentionScheduling {

    private static final Logger log = LoggerFactory.getLogger(AuditRetentionScheduling.class);

    private final AuditLog auditLog;
    private final TenantDirectory directory;
    private final Duration retention;
    private final Clock clock = Clock.systemUTC();

    AuditRetentionScheduling(
            AuditLog auditLog, TenantDirectory directory, @Value("${safaridesk.audit.retention}") Duration retention) {
        this.auditLog = auditLog;
        this.directory = directory;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${safaridesk.audit.purge-interval}")
    void purge() {
        directory.forEachActive("Audit log purge", workspace -> {
            int removed = auditLog.purgeOlderThan(clock.instant().minus(retention));
            if (removed > 0) {
                log.info("Audit log of {}: {} entries past the retention of {} removed", workspace, removed, retention);
            }
        });
    }
}
