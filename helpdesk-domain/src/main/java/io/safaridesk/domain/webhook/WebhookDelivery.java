package io.safaridesk.domain.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event for one subscription and how its delivery went: the last attempt's status, latency and response. */
@Entity
@Table(name = "webhook_deliveries")
public class WebhookDelivery {

    /** Pending (due at {@code nextAttemptAt}), delivered (a 2xx answer) or failed for good. */
    public enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long subscriptionId;

    @Column(nullable = false)
    private String messageId;

    @Column(nullable = false)
    private String eventType;

    @Column(nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    private int attempts;

    private Instant nextAttemptAt;

    private Integer lastStatus;

    private String lastError;

    private Integer latencyMs;

    private String responseExcerpt;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant lastAttemptAt;

    private Instant deliveredAt;

    protected WebhookDelivery() {}

    void attempted(Webhooks.Attempt attempt, Instant next) {
        this.attempts++;
        this.lastAttemptAt = attempt.at();
        this.lastStatus = attempt.status();
        this.lastError = attempt.error();
        this.latencyMs = (int) Math.min(Integer.MAX_VALUE, attempt.latency().toMillis());
        this.responseExcerpt = attempt.responseExcerpt();
        if (attempt.succeeded()) {
            this.status = Status.DELIVERED;
            this.deliveredAt = attempt.at();
            this.nextAttemptAt = null;
        } else if (next == null) {
            this.status = Status.FAILED;
            this.nextAttemptAt = null;
        } else {
            this.nextAttemptAt = next;
        }
    }

    void redeliver(Instant now) {
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
    }

    public Long id() {
        return id;
    }

    public long subscriptionId() {
        return subscriptionId;
    }

    /** The {@code webhook-id}: the same for every attempt and redelivery of this event to this subscription. */
    public String messageId() {
        return messageId;
    }

    public String eventType() {
        return eventType;
    }

    public String payload() {
        return payload;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Integer lastStatus() {
        return lastStatus;
    }

    public String lastError() {
        return lastError;
    }

    public Integer latencyMs() {
        return latencyMs;
    }

    public String responseExcerpt() {
        return responseExcerpt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }
}
