package io.safaridesk.domain.satisfaction;

import io.safaridesk.platform.error.ApiProblem;
import java.time.Instant;

/**
 * A workspace's survey settings: whether requesters get a survey when their ticket is solved, and how many minutes
 * after the solve it goes (0 to 30 days; a reopen before then cancels it).
 */
public record SatisfactionSettings(boolean enabled, int delayMinutes, String updatedBy, Instant updatedAt) {

    public static final int MAX_DELAY_MINUTES = 30 * 24 * 60;

    public SatisfactionSettings {
        if (delayMinutes < 0 || delayMinutes > MAX_DELAY_MINUTES) {
            throw ApiProblem.invalidField("delay_minutes", "must be between 0 and " + MAX_DELAY_MINUTES);
        }
    }
}
