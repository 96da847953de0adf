package io.safaridesk.worker.webhook;

import io.safaridesk.domain.webhook.WebhookEventType;
import io.safaridesk.domain.webhook.Webhooks;
import io.safaridesk.worker.messaging.EventMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a workspace event into one delivery per subscription that wants it, with the body every attempt sends:
 * {@code {"type", "timestamp", "workspace", "data"}}, {@code data} being the event's version 1 record. A redelivered
 * event adds nothing (deliveries are unique per subscription and message id).
 */
@Component
class WebhookFanOut {

    private final Webhooks webhooks;
    private final JsonMapper json;

    WebhookFanOut(Webhooks webhooks, JsonMapper json) {
        this.webhooks = webhooks;
        this.json = json;
    }

    /** Answers how many deliveries were added. */
    @Transactional
    public int handle(EventMessage event) {
        if (WebhookEventType.ofType(event.type()).isEmpty()) {
            return 0;
        }
        ObjectNode body = json.createObjectNode();
        body.put("type", event.type());
        body.put("timestamp", event.payload().path("at").asString(""));
        body.put("workspace", event.workspace().value());
        body.set("data", event.payload());
        return webhooks.fanOut(event.type(), event.messageId(), json.writeValueAsString(body));
    }
}
