package io.safaridesk.worker.export;

import io.safaridesk.domain.export.ExportRuns;
import io.safaridesk.platform.tenancy.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every {@code safaridesk.exports.sweep-interval}, in each active workspace: deletes the files of exports past their
 * retention and fails runs whose worker stopped. Replicas may sweep at once: a file deleted twice is gone once.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "safaridesk.exports.sweep-enabled", havingValue = "true", matchIfMissing = true)
class ExportExpiryScheduling {

    private static final Logger log = LoggerFactory.getLogger(ExportExpiryScheduling.class);

    private final ExportRuns runs;
    private final TenantDirectory directory;

    ExportExpiryScheduling(ExportRuns runs, TenantDirectory directory) {
        this.runs = runs;
        this.directory = directory;
    }

    @Scheduled(fixedDelayString = "${safaridesk.exports.sweep-interval:PT10M}")
    void sweep() {
        directory.forEachActive("Export expiry", workspace -> {
            ExportRuns.Expiry expiry = runs.expire();
            if (expiry.expired() + expiry.interrupted() > 0) {
                log.info(
                        "Exports of {}: {} expired, {} interrupted", workspace, expiry.expired(), expiry.interrupted());
            }
        });
    }
}
