package io.safaridesk.domain.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One in-app notification of one user. */
@Entity
@Table(name = "notifications")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String recipientUserId;

    @Column(nullable = false)
    private String kind;

    private Long ticketId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String body;

    private Instant readAt;

    @Column(nullable = false)
    private Instant createdAt;

    protected Notification() {}

    Notification(String recipientUserId, NotificationKind kind, Long ticketId, String title, String body, Instant at) {
        this.recipientUserId = recipientUserId;
        this.kind = kind.key();
        this.ticketId = ticketId;
        this.title = title;
        this.body = body;
        this.createdAt = at;
    }

    void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public Long id() {
        return id;
    }

    public String recipientUserId() {
        return recipientUserId;
    }

    public String kind() {
        return kind;
    }

    public Long ticketId() {
        return ticketId;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public Instant readAt() {
        return readAt;
    }

    public boolean read() {
        return readAt != null;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
