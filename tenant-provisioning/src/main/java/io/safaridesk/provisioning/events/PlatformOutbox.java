package io.safaridesk.provisioning.events;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a platform event in {@code platform.outbox} within the caller's transaction, so that the event exists if and
 * only if the change that caused it was committed. The worker's outbox relay publishes it.
 */
@Component
public class PlatformOutbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PlatformOutbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public UUID record(String tenantSlug, String type, Object event) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into platform.outbox (id, tenant_slug, type, payload) values (?, ?, ?, ?::jsonb)")
                .params(id, tenantSlug, type, json.writeValueAsString(event))
                .update();
        return id;
    }
}
