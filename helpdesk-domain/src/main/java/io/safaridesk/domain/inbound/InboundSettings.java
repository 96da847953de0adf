package io.safaridesk.domain.inbound;

import io.safaridesk.platform.error.ApiProblem;
import java.time.Clock;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the workspace in context takes in mail: what a non-participant's reply becomes and how many mails one sender
 * may send in an hour before the rest is refused as a flood.
 */
@Component
@Transactional
public class InboundSettings {

    /** The largest per-sender limit an admin may set. */
    public static final int MAX_SENDER_LIMIT = 100_000;

    private final InboundPolicyRepository repository;
    private final Clock clock;

    InboundSettings(InboundPolicyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The settings, with the version to send back for optimistic locking. */
    public record View(NonParticipantAction nonParticipant, int senderLimitPerHour, int version) {}

    @Transactional(readOnly = true)
    public View current() {
        return policy().view();
    }

    /** Changes them; a null component keeps its value, a stale version is a 409. */
    public View change(NonParticipantAction nonParticipant, Integer senderLimitPerHour, Integer version) {
        InboundPolicy policy = policy();
        View current = policy.view();
        if (version != null && version != current.version()) {
            throw new ObjectOptimisticLockingFailureException(InboundPolicy.class, InboundPolicy.ONLY_ROW);
        }
        int limit = senderLimitPerHour == null ? current.senderLimitPerHour() : senderLimitPerHour;
        if (limit < 1 || limit > MAX_SENDER_LIMIT) {
            throw ApiProblem.invalidField("sender_limit_per_hour", "must be between 1 and " + MAX_SENDER_LIMIT);
        }
        policy.change(nonParticipant == null ? current.nonParticipant() : nonParticipant, limit, clock.instant());
        return repository.saveAndFlush(policy).view();
    }

    private InboundPolicy policy() {
        return repository
                .findById(InboundPolicy.ONLY_ROW)
                .orElseThrow(() -> new IllegalStateException("inbound_settings has no row: migration V12 missing"));
    }
}
