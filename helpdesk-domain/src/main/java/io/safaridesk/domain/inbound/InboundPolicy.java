package io.safaridesk.domain.inbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The one row of {@code inbound_settings}. */
@Entity
@Table(name = "inbound_settings")
class InboundPolicy {

    static final short ONLY_ROW = 1;

    @Id
    private Short id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NonParticipantAction nonParticipant;

    private int senderLimitPerHour;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private Integer version;

    protected InboundPolicy() {}

    void change(NonParticipantAction action, int limit, Instant now) {
        nonParticipant = action;
        senderLimitPerHour = limit;
        updatedAt = now;
    }

    InboundSettings.View view() {
        return new InboundSettings.View(nonParticipant, senderLimitPerHour, version == null ? 0 : version);
    }
}
