package io.safaridesk.helpdesk.webhook.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;

import io.safaridesk.domain.webhook.WebhookDelivery;
import io.safaridesk.domain.webhook.WebhookEventType;
import io.safaridesk.domain.webhook.WebhookSubscription;
import io.safaridesk.domain.webhook.Webhooks;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.web.Cursor;
import io.safaridesk.platform.web.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Callers(ADMIN)
@Tag(name = "Webhooks")
@RestController
@RequestMapping("/api/v1/webhooks")
@Validated
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    record WebhookRequest(
            @NotBlank @Size(max = 2000) String url,
            @Size(max = 500) String description,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 50) String> eventTypes,
            Boolean enabled,
            Integer version) {

        Webhooks.Draft toDraft() {
            return new Webhooks.Draft(url, description, eventTypes, enabled);
        }
    }

    record WebhookView(
            long id,
            String url,
            String description,
            List<String> eventTypes,
            boolean enabled,
            String disabledReason,
            Instant previousSecretValidUntil,
            Instant createdAt,
            Instant updatedAt,
            int version) {

        static WebhookView of(WebhookSubscription s) {
            return new WebhookView(
                    s.id(),
                    s.url(),
                    s.description(),
                    s.eventTypes(),
                    s.enabled(),
                    s.disabledReason(),
                    s.previousSecretUntil(),
                    s.createdAt(),
                    s.updatedAt(),
                    s.version());
        }
    }

    /** The secret appears here only: on creation and on rotation. */
    record WebhookWithSecret(WebhookView webhook, String secret) {

        static WebhookWithSecret of(Webhooks.WithSecret created) {
            return new WebhookWithSecret(WebhookView.of(created.subscription()), created.secret());
        }
    }

    record DeliveryView(
            long id,
            String messageId,
            String eventType,
            String status,
            int attempts,
            Integer lastStatus,
            String lastError,
            Integer latencyMs,
            String responseExcerpt,
            Instant createdAt,
            Instant lastAttemptAt,
            Instant nextAttemptAt,
            Instant deliveredAt) {

        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(
                    d.id(),
                    d.messageId(),
                    d.eventType(),
                    d.status().name(),
                    d.attempts(),
                    d.lastStatus(),
                    d.lastError(),
                    d.latencyMs(),
                    d.responseExcerpt(),
                    d.createdAt(),
                    d.lastAttemptAt(),
                    d.nextAttemptAt(),
                    d.deliveredAt());
        }
    }

    @Operation(summary = "The event types a webhook can subscribe to")
    @GetMapping("/event-types")
    List<String> eventTypes() {
        return Arrays.stream(WebhookEventType.values())
                .map(WebhookEventType::type)
                .toList();
    }

    @Operation(summary = "The workspace's webhooks, in id order")
    @GetMapping
    List<WebhookView> list() {
        return webhooks.list().stream().map(WebhookView::of).toList();
    }

    @Operation(
            summary = "Subscribes an https URL (public addresses only) to event types; answers the signing secret"
                    + " (whsec_...) this once")
    @PostMapping
    ResponseEntity<WebhookWithSecret> create(Actor actor, @Valid @RequestBody WebhookRequest request) {
        WebhookWithSecret created = WebhookWithSecret.of(webhooks.create(request.toDraft(), actor));
        return ResponseEntity.created(
                        URI.create("/api/v1/webhooks/" + created.webhook().id()))
                .body(created);
    }

    @GetMapping("/{id}")
    WebhookView get(@PathVariable long id) {
        return WebhookView.of(webhooks.get(id));
    }

    @Operation(summary = "Changes the URL, description, event types or enabled state; enabling clears the reason")
    @PutMapping("/{id}")
    WebhookView update(@PathVariable long id, @Valid @RequestBody WebhookRequest request) {
        return WebhookView.of(webhooks.update(id, request.toDraft(), request.version()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        webhooks.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "A new signing secret, answered this once; the previous one keeps signing (both signatures are"
                    + " sent) until previous_secret_valid_until")
    @PostMapping("/{id}/rotate-secret")
    WebhookWithSecret rotate(@PathVariable long id) {
        return WebhookWithSecret.of(webhooks.rotate(id));
    }

    @Operation(summary = "The delivery log, newest first; pass next_cursor back as cursor")
    @GetMapping("/{id}/deliveries")
    KeysetPage<DeliveryView> deliveries(
            @PathVariable long id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit) {
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : Cursor.decodeId(cursor);
        List<DeliveryView> items = webhooks.deliveries(id, before, limit).stream()
                .map(DeliveryView::of)
                .toList();
        return KeysetPage.of(items, limit, DeliveryView::id);
    }

    @Operation(summary = "Sends a delivery again now, under the same webhook-id")
    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<DeliveryView> redeliver(@PathVariable long id, @PathVariable long deliveryId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(DeliveryView.of(webhooks.redeliver(id, deliveryId)));
    }
}
