package io.safaridesk.platform.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code platform.outbox}, written from a workspace's transaction through Hibernate's own connection. */
@Entity
@Table(name = "outbox", schema = "platform")
class OutboxEntry {

    @Id
    private UUID id;

    private String tenantSlug;

    @Column(nullable = false)
    private String type;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String payload;

    @Column(nullable = false)
    private Instant createdAt;

    @JdbcTypeCode(SqlTypes.JSON)
    private String traceContext;

    protected OutboxEntry() {}

    OutboxEntry(UUID id, String tenantSlug, String type, String payload, Instant createdAt, String traceContext) {
        this.id = id;
        this.tenantSlug = tenantSlug;
        this.type = type;
        this.payload = payload;
        this.createdAt = createdAt;
        this.traceContext = traceContext;
    }
}
