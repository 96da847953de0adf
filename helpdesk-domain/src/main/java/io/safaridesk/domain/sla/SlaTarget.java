package io.safaridesk.domain.sla;

import io.safaridesk.domain.ticket.Priority;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Duration;

/** A policy's business-time targets for tickets of one priority, in minutes; null leaves a metric untracked. */
@Embeddable
public class SlaTarget {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Priority priority;

    private Integer firstResponseMinutes;

    private Integer nextResponseMinutes;

    private Integer resolutionMinutes;

    protected SlaTarget() {}

    SlaTarget(Priority priority, Integer firstResponseMinutes, Integer nextResponseMinutes, Integer resolutionMinutes) {
        this.priority = priority;
        this.firstResponseMinutes = firstResponseMinutes;
        this.nextResponseMinutes = nextResponseMinutes;
        this.resolutionMinutes = resolutionMinutes;
    }

    public Priority priority() {
        return priority;
    }

    public Integer firstResponseMinutes() {
        return firstResponseMinutes;
    }

    public Integer nextResponseMinutes() {
        return nextResponseMinutes;
    }

    public Integer resolutionMinutes() {
        return resolutionMinutes;
    }

    /** The target for {@code metric} in minutes, or null when the policy does not track it for this priority. */
    Integer minutes(SlaMetric metric) {
        return switch (metric) {
            case FIRST_RESPONSE -> firstResponseMinutes;
            case NEXT_RESPONSE -> nextResponseMinutes;
            case RESOLUTION -> resolutionMinutes;
        };
    }

    static Duration duration(int minutes) {
        return Duration.ofMinutes(minutes);
    }
}
