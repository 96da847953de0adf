package io.safaridesk.domain.satisfaction;

import io.safaridesk.platform.actor.Actor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes the workspace's {@link SatisfactionSettings} (the one row of {@code satisfaction_settings}). */
@Component
public class SurveySettings {

    @PersistenceContext
    private EntityManager entityManager;

    private final Clock clock;

    SurveySettings(Clock clock) {
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SatisfactionSettings current() {
        Object[] row = (Object[]) entityManager
                .createNativeQuery("select enabled, delay_minutes, updated_by, updated_at from satisfaction_settings")
                .getSingleResult();
        return new SatisfactionSettings(
                Boolean.TRUE.equals(row[0]), ((Number) row[1]).intValue(), (String) row[2], SurveyRows.instant(row[3]));
    }

    /** Turns surveys on or off and sets the delay; surveys already scheduled go at their time if still on then. */
    @Transactional
    public SatisfactionSettings update(boolean enabled, int delayMinutes, Actor actor) {
        SatisfactionSettings checked = new SatisfactionSettings(enabled, delayMinutes, actor.userId(), clock.instant());
        entityManager
                .createNativeQuery("update satisfaction_settings set enabled = :enabled, delay_minutes = :delay,"
                        + " updated_by = :by, updated_at = :at")
                .setParameter("enabled", checked.enabled())
                .setParameter("delay", checked.delayMinutes())
                .setParameter("by", checked.updatedBy())
                .setParameter("at", checked.updatedAt().atOffset(ZoneOffset.UTC))
                .executeUpdate();
        return checked;
    }
}
