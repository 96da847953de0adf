package io.safaridesk.worker.notification;

import io.safaridesk.platform.tenancy.TenantDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every {@code safaridesk.satisfaction.sweep-interval}, mails the due surveys of each active workspace. Replicas may
 * sweep at once: a due survey is locked by the one that takes it and skipped by the others.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "safaridesk.satisfaction.sweep-enabled", havingValue = "true", matchIfMissing = true)
class SatisfactionSurveyScheduling {

    private final TenantDirectory directory;
    private final SatisfactionSurveys surveys;

    SatisfactionSurveyScheduling(TenantDirectory directory, SatisfactionSurveys surveys) {
        this.directory = directory;
        this.surveys = surveys;
    }

    @Scheduled(fixedDelayString = "${safaridesk.satisfaction.sweep-interval:1m}")
    void sweep() {
        directory.forEachActive("Survey sweep", workspace -> {
            while (surveys.sendDue() == SatisfactionSurveys.BATCH) {
                // a full batch: more may be due
            }
        });
    }
}
