package io.safaridesk.domain.ticket;

import io.safaridesk.platform.actor.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One message of a ticket's conversation: a public reply or an internal note, never changed once written. */
@Entity
@Table(name = "ticket_messages")
public class TicketMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private long ticketId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MessageVisibility visibility;

    @Column(updatable = false)
    private Long authorAgentId;

    @Column(updatable = false)
    private Long authorContactId;

    @Column(nullable = false, updatable = false)
    private String authorName;

    @Column(nullable = false, updatable = false)
    private String bodyHtml;

    @Column(nullable = false, updatable = false)
    private String bodyText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    protected TicketMessage() {}

    static TicketMessage written(
            Ticket ticket, MessageVisibility visibility, TicketText body, Channel channel, Actor actor, Instant now) {
        TicketMessage message = new TicketMessage();
        message.ticketId = ticket.id();
        message.visibility = visibility;
        message.authorAgentId = actor.agentId();
        message.authorContactId = actor.isStaff() ? null : actor.contactId();
        message.authorName = actor.name() == null || actor.name().isBlank() ? "Unknown" : actor.name();
        message.bodyHtml = body.html();
        message.bodyText = body.text();
        message.channel = channel;
        message.createdAt = now;
        return message;
    }

    public Long id() {
        return id;
    }

    public long ticketId() {
        return ticketId;
    }

    public MessageVisibility visibility() {
        return visibility;
    }

    public boolean isPublic() {
        return visibility == MessageVisibility.PUBLIC;
    }

    public Long authorAgentId() {
        return authorAgentId;
    }

    public Long authorContactId() {
        return authorContactId;
    }

    public String authorName() {
        return authorName;
    }

    public String bodyHtml() {
        return bodyHtml;
    }

    public String bodyText() {
        return bodyText;
    }

    public Channel channel() {
        return channel;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
