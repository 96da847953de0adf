package io.safaridesk.worker.messaging;

import io.safaridesk.platform.tenancy.TenantSlug;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A domain event as it arrives: message id, workspace, type (the routing key), schema version and the snake_case JSON
 * payload. A message lacking any of them is malformed and goes straight to the dead-letter queue.
 */
public record EventMessage(UUID messageId, TenantSlug workspace, String type, int version, JsonNode payload) {

    public static final String TENANT_HEADER = "x-safaridesk-tenant";
    public static final String VERSION_HEADER = "x-safaridesk-version";

    /** Reads the message; throws {@link Malformed} when it is not a SafariDesk event. */
    public static EventMessage of(Message message, JsonMapper json) {
        MessageProperties properties = message.getMessageProperties();
        try {
            UUID id = UUID.fromString(properties.getMessageId());
            Object tenant = properties.getHeader(TENANT_HEADER);
            Object version = properties.getHeader(VERSION_HEADER);
            String type = properties.getType() != null ? properties.getType() : properties.getReceivedRoutingKey();
            if (type == null) {
                throw new Malformed("no type");
            }
            JsonNode payload = json.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
            return new EventMessage(
                    id,
                    TenantSlug.of(String.valueOf(tenant)),
                    type,
                    version == null ? 1 : Integer.parseInt(String.valueOf(version)),
                    payload);
        } catch (Malformed e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Malformed(e.getMessage());
        }
    }

    /** Not a SafariDesk event: retrying cannot help. */
    public static final class Malformed extends RuntimeException {
        Malformed(String reason) {
            super("Malformed event message: " + reason);
        }
    }
}
