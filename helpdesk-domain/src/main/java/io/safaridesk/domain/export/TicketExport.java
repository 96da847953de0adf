package io.safaridesk.domain.export;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One export a user asked for, from queued to ready (or failed) to expired. It owns its transitions: only a queued
 * export starts, only a running one ends, only a ready one expires.
 */
@Entity
@Table(name = "ticket_exports")
public class TicketExport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExportFormat format;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String selection;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExportState state;

    private Long rowCount;
    private Long sizeBytes;
    private String storageKey;
    private String error;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant startedAt;
    private Instant finishedAt;
    private Instant expiresAt;

    protected TicketExport() {}

    TicketExport(String requestedBy, ExportFormat format, String selection, Instant at) {
        this.requestedBy = requestedBy;
        this.format = format;
        this.selection = selection;
        this.state = ExportState.QUEUED;
        this.createdAt = at;
    }

    /** The file's name for the user: {@code tickets-<id>.csv}. */
    public String fileName() {
        return "tickets-" + id + "." + format.extension();
    }

    void ready(long rows, long size, String key, Instant at, Instant expires) {
        requireState(ExportState.RUNNING);
        this.state = ExportState.READY;
        this.rowCount = rows;
        this.sizeBytes = size;
        this.storageKey = key;
        this.finishedAt = at;
        this.expiresAt = expires;
    }

    void fail(String reason, Instant at) {
        this.state = ExportState.FAILED;
        this.error = reason.length() > 500 ? reason.substring(0, 500) : reason;
        this.finishedAt = at;
    }

    void expire() {
        requireState(ExportState.READY);
        this.state = ExportState.EXPIRED;
    }

    private void requireState(ExportState expected) {
        if (state != expected) {
            throw new IllegalStateException("Export " + id + " is " + state + ", not " + expected);
        }
    }

    public Long id() {
        return id;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public ExportFormat format() {
        return format;
    }

    String selection() {
        return selection;
    }

    public ExportState state() {
        return state;
    }

    public Long rowCount() {
        return rowCount;
    }

    public Long sizeBytes() {
        return sizeBytes;
    }

    String storageKey() {
        return storageKey;
    }

    public String error() {
        return error;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
