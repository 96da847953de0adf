package io.safaridesk.domain.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file attached to a ticket, or to one message of it; its bytes live in the workspace's part of the file store under
 * {@link #storageKey()}, its content type is the one sniffed from those bytes.
 */
@Entity
@Table(name = "ticket_attachments")
public class TicketAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private long ticketId;

    @Column(updatable = false)
    private Long messageId;

    @Column(nullable = false, updatable = false)
    private String filename;

    @Column(nullable = false, updatable = false)
    private String contentType;

    @Column(nullable = false, updatable = false)
    private long sizeBytes;

    @Column(nullable = false, updatable = false)
    private String storageKey;

    @Column(updatable = false)
    private String uploadedBy;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    protected TicketAttachment() {}

    TicketAttachment(
            long ticketId,
            Long messageId,
            String filename,
            String contentType,
            long sizeBytes,
            String storageKey,
            String uploadedBy,
            Instant now) {
        this.ticketId = ticketId;
        this.messageId = messageId;
        this.filename = filename;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.storageKey = storageKey;
        this.uploadedBy = uploadedBy;
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public long ticketId() {
        return ticketId;
    }

    public Long messageId() {
        return messageId;
    }

    public String filename() {
        return filename;
    }

    public String contentType() {
        return contentType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    String storageKey() {
        return storageKey;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
