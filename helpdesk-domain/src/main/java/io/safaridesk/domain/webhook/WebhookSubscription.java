package io.safaridesk.domain.webhook;

import io.safaridesk.domain.mail.SecretBox;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Where the workspace wants some of its events posted, signed with a secret of its own. Rotating the secret keeps the
 * previous one valid (messages are signed with both) until the overlap ends. Disabled by an admin, or by the worker
 * once a delivery failed for good.
 */
@Entity
@Table(name = "webhook_subscriptions")
public class WebhookSubscription {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String url;

    private String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> eventTypes = new ArrayList<>();

    @Column(nullable = false)
    private String secret;

    private String previousSecret;

    private Instant previousSecretUntil;

    @Column(nullable = false)
    private boolean enabled = true;

    private String disabledReason;

    private String createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected WebhookSubscription() {}

    static WebhookSubscription create(Webhooks.Valid draft, String sealedSecret, String createdBy, Instant now) {
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.secret = sealedSecret;
        subscription.createdBy = createdBy;
        subscription.createdAt = now;
        subscription.change(draft, now);
        return subscription;
    }

    void change(Webhooks.Valid draft, Instant now) {
        this.url = draft.url();
        this.description = draft.description();
        this.eventTypes = new ArrayList<>(
                draft.eventTypes().stream().map(WebhookEventType::type).toList());
        if (draft.enabled() && !enabled) {
            this.disabledReason = null;
        }
        this.enabled = draft.enabled();
        this.updatedAt = now;
    }

    void rotate(String sealedSecret, Instant overlapEnds, Instant now) {
        this.previousSecret = secret;
        this.previousSecretUntil = overlapEnds;
        this.secret = sealedSecret;
        this.updatedAt = now;
    }

    void disable(String reason, Instant now) {
        this.enabled = false;
        this.disabledReason = reason;
        this.updatedAt = now;
    }

    /** The secrets a message sent at {@code now} is signed with: the current one and a previous one still valid. */
    List<String> secrets(SecretBox box, Instant now) {
        List<String> secrets = new ArrayList<>();
        secrets.add(box.open(secret));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(box.open(previousSecret));
        }
        return secrets;
    }

    boolean wants(String type) {
        return enabled && eventTypes.contains(type);
    }

    public Long id() {
        return id;
    }

    public String url() {
        return url;
    }

    public String description() {
        return description;
    }

    public List<String> eventTypes() {
        return List.copyOf(eventTypes);
    }

    public boolean enabled() {
        return enabled;
    }

    public String disabledReason() {
        return disabledReason;
    }

    /** Until when the previous secret is still valid after a rotation, or null. */
    public Instant previousSecretUntil() {
        return previousSecretUntil;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public int version() {
        return version;
    }
}
