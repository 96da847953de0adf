package io.safaridesk.domain.webhook;

import io.safaridesk.domain.mail.SecretBox;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhooks of the workspace in context: admins manage subscriptions, rotate secrets, read the delivery log and
 * redeliver; the worker fans events out into deliveries, claims the due ones and records each attempt.
 */
@Component
@Transactional
public class Webhooks {

    @PersistenceContext
    private EntityManager entityManager;

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookTargets targets;
    private final WebhookProperties properties;
    private final SecretBox box;
    private final Clock clock;

    Webhooks(
            WebhookSubscriptionRepository subscriptions,
            WebhookDeliveryRepository deliveries,
            WebhookTargets targets,
            WebhookProperties properties,
            SecretBox box,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.targets = targets;
        this.properties = properties;
        this.box = box;
        this.clock = clock;
    }

    /** A subscription as an admin sends it; {@code enabled} null keeps it (or, new, enables it). */
    public record Draft(String url, String description, List<String> eventTypes, Boolean enabled) {}

    record Valid(String url, String description, List<WebhookEventType> eventTypes, boolean enabled) {}

    /** A subscription with its plain secret, shown this once (on creation and rotation). */
    public record WithSecret(WebhookSubscription subscription, String secret) {}

    /** A delivery the worker is to attempt now, with what it needs to sign and send it. */
    public record Due(long deliveryId, String url, String messageId, String body, List<String> secrets) {}

    /** What one attempt gave: the HTTP status (null when none came) or the error, latency and a response excerpt. */
    public record Attempt(Instant at, Integer status, String error, Duration latency, String responseExcerpt) {
        public boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }

    public WithSecret create(Draft draft, Actor actor) {
        String secret = WebhookSignature.newSecret();
        WebhookSubscription subscription = subscriptions.saveAndFlush(
                WebhookSubscription.create(validate(draft), box.seal(secret), actor.userId(), clock.instant()));
        return new WithSecret(subscription, secret);
    }

    @Transactional(readOnly = true)
    public List<WebhookSubscription> list() {
        return subscriptions.findAllByOrderByIdAsc();
    }

    @Transactional(readOnly = true)
    public WebhookSubscription get(long id) {
        return subscriptions.findById(id).orElseThrow(() -> WebhookProblem.forId(id));
    }

    public WebhookSubscription update(long id, Draft draft, Integer version) {
        WebhookSubscription subscription = get(id);
        if (version != null && version != subscription.version()) {
            throw new ObjectOptimisticLockingFailureException(WebhookSubscription.class, id);
        }
        Draft kept = draft.enabled() == null
                ? new Draft(draft.url(), draft.description(), draft.eventTypes(), subscription.enabled())
                : draft;
        subscription.change(validate(kept), clock.instant());
        return subscriptions.saveAndFlush(subscription);
    }

    public void delete(long id) {
        subscriptions.delete(get(id));
    }

    /** A new secret; the previous one stays valid (messages carry both signatures) for the configured overlap. */
    public WithSecret rotate(long id) {
        WebhookSubscription subscription = get(id);
        String secret = WebhookSignature.newSecret();
        Instant now = clock.instant();
        subscription.rotate(box.seal(secret), now.plus(properties.secretOverlap()), now);
        return new WithSecret(subscriptions.saveAndFlush(subscription), secret);
    }

    /** The subscription's deliveries, newest first, older than {@code beforeId}. */
    @Transactional(readOnly = true)
    public List<WebhookDelivery> deliveries(long subscriptionId, long beforeId, int limit) {
        get(subscriptionId);
        return deliveries.findBySubscriptionIdAndIdLessThanOrderByIdDesc(subscriptionId, beforeId, Limit.of(limit));
    }

    /** Sends the delivery again, now, under the same webhook-id (receivers deduplicate by it). */
    public WebhookDelivery redeliver(long subscriptionId, long deliveryId) {
        WebhookSubscription subscription = get(subscriptionId);
        if (!subscription.enabled()) {
            throw WebhookProblem.disabled(subscriptionId);
        }
        WebhookDelivery delivery = deliveries
                .findByIdAndSubscriptionId(deliveryId, subscriptionId)
                .orElseThrow(() -> WebhookProblem.forDelivery(deliveryId));
        delivery.redeliver(clock.instant());
        return deliveries.saveAndFlush(delivery);
    }

    /**
     * Records the event for every enabled subscription that wants its type, once per subscription and message id (a
     * redelivered event adds nothing); answers how many deliveries were added.
     */
    public int fanOut(String type, UUID messageId, String body) {
        int added = 0;
        Instant now = clock.instant();
        for (WebhookSubscription subscription : subscriptions.findAllByOrderByIdAsc()) {
            if (subscription.wants(type)) {
                added += entityManager
                        .createNativeQuery("insert into webhook_deliveries (subscription_id, message_id, event_type,"
                                + " payload, status, next_attempt_at, created_at) values (:subscription, :message,"
                                + " :type, :payload, 'PENDING', :now, :now)"
                                + " on conflict (subscription_id, message_id) do nothing")
                        .setParameter("subscription", subscription.id())
                        .setParameter("message", "msg_" + messageId)
                        .setParameter("type", type)
                        .setParameter("payload", body)
                        .setParameter("now", Timestamp.from(now))
                        .executeUpdate();
            }
        }
        return added;
    }

    /**
     * Records one message for one subscription (an automation rule's {@code call_webhook} action), if it is enabled;
     * once per subscription and message id. The sweep delivers it like any other. Answers whether it was added.
     */
    public boolean call(long subscriptionId, UUID messageId, String type, String body) {
        if (subscriptions
                .findById(subscriptionId)
                .filter(WebhookSubscription::enabled)
                .isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        return entityManager
                        .createNativeQuery("insert into webhook_deliveries (subscription_id, message_id, event_type,"
                                + " payload, status, next_attempt_at, created_at) values (:subscription, :message,"
                                + " :type, :payload, 'PENDING', :now, :now)"
                                + " on conflict (subscription_id, message_id) do nothing")
                        .setParameter("subscription", subscriptionId)
                        .setParameter("message", "msg_" + messageId)
                        .setParameter("type", type)
                        .setParameter("payload", body)
                        .setParameter("now", Timestamp.from(now))
                        .executeUpdate()
                == 1;
    }

    /**
     * Claims up to {@code limit} due deliveries for {@code lease}: no other worker takes them meanwhile, and one whose
     * attempt is never recorded (a worker that died) is due again when the lease ends.
     */
    public List<Due> claimDue(int limit, Duration lease) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager
                .createNativeQuery("update webhook_deliveries set next_attempt_at = :until where id in (select d.id"
                        + " from webhook_deliveries d where d.status = 'PENDING' and d.next_attempt_at <= :now"
                        + " order by d.next_attempt_at limit :limit for update skip locked) returning id")
                .setParameter("until", Timestamp.from(now.plus(lease)))
                .setParameter("now", Timestamp.from(now))
                .setParameter("limit", limit)
                .getResultList();
        return ids.stream()
                .map(id -> deliveries.findById(id.longValue()).orElseThrow())
                .map(delivery -> {
                    WebhookSubscription subscription = get(delivery.subscriptionId());
                    return new Due(
                            delivery.id(),
                            subscription.url(),
                            delivery.messageId(),
                            delivery.payload(),
                            subscription.secrets(box, now));
                })
                .toList();
    }

    /**
     * Records an attempt: delivered, due again after the next backoff step, or failed for good, which disables the
     * subscription; answers the subscription if this attempt disabled it (its admins are to be told).
     */
    public Optional<WebhookSubscription> record(long deliveryId, Attempt attempt) {
        WebhookDelivery delivery = deliveries.findById(deliveryId).orElseThrow();
        Duration wait = attempt.succeeded() ? null : properties.retryAfter(delivery.attempts() + 1);
        delivery.attempted(attempt, wait == null ? null : attempt.at().plus(wait));
        deliveries.save(delivery);
        WebhookSubscription subscription = get(delivery.subscriptionId());
        if (delivery.status() != WebhookDelivery.Status.FAILED || !subscription.enabled()) {
            return Optional.empty();
        }
        subscription.disable(
                "Delivery " + delivery.messageId() + " failed " + delivery.attempts() + " times since "
                        + delivery.createdAt() + "; last: "
                        + (attempt.status() == null ? attempt.error() : "HTTP " + attempt.status()),
                clock.instant());
        return Optional.of(subscriptions.save(subscription));
    }

    /** No such webhook or delivery, or a disabled webhook asked to deliver. */
    public static final class WebhookProblem extends ApiProblem {
        private WebhookProblem(HttpStatus status, String type, String detail) {
            super(status, type, detail);
        }

        static WebhookProblem forId(long id) {
            return new WebhookProblem(HttpStatus.NOT_FOUND, "webhook-not-found", "No webhook " + id);
        }

        static WebhookProblem forDelivery(long id) {
            return new WebhookProblem(HttpStatus.NOT_FOUND, "webhook-delivery-not-found", "No delivery " + id);
        }

        static WebhookProblem disabled(long id) {
            return new WebhookProblem(
                    HttpStatus.CONFLICT, "webhook-disabled", "Webhook " + id + " is disabled: enable it first");
        }
    }

    private Valid validate(Draft draft) {
        if (draft.url() == null || draft.url().isBlank()) {
            throw ApiProblem.invalidField("url", "is required");
        }
        if (draft.eventTypes() == null || draft.eventTypes().isEmpty()) {
            throw ApiProblem.invalidField("event_types", "must name at least one event type");
        }
        List<WebhookEventType> types = draft.eventTypes().stream()
                .map(type -> WebhookEventType.of("event_types", type))
                .distinct()
                .toList();
        return new Valid(
                targets.check("url", draft.url()).toString(),
                draft.description() == null || draft.description().isBlank()
                        ? null
                        : draft.description().trim(),
                types,
                draft.enabled() == null || draft.enabled());
    }
}
