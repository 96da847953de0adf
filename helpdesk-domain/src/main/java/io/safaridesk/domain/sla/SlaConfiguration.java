package io.safaridesk.domain.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * Whether a workspace runs SLAs at all ({@code allowSla}: when off, no targets are computed and no breaches raised),
 * whether its calendars' holidays count ({@code allowHolidays}), and at what share of a target a ticket is at risk. One
 * row per workspace schema.
 */
@Entity
@Table(name = "sla_config")
public class SlaConfiguration {

    static final short ONLY_ROW = 1;

    @Id
    private Short id;

    private boolean allowSla;

    private boolean allowHolidays;

    @Column(nullable = false)
    private short atRiskPercent;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected SlaConfiguration() {}

    /** The same state in an instance no persistence context manages, to share between requests (caches). */
    SlaConfiguration sharedCopy() {
        SlaConfiguration copy = new SlaConfiguration();
        copy.id = id;
        copy.allowSla = allowSla;
        copy.allowHolidays = allowHolidays;
        copy.atRiskPercent = atRiskPercent;
        copy.updatedAt = updatedAt;
        copy.version = version;
        return copy;
    }

    static SlaConfiguration defaults(Instant now) {
        SlaConfiguration configuration = new SlaConfiguration();
        configuration.id = ONLY_ROW;
        configuration.atRiskPercent = 75;
        configuration.updatedAt = now;
        return configuration;
    }

    void change(boolean allowSla, boolean allowHolidays, int atRiskPercent, Instant now) {
        this.allowSla = allowSla;
        this.allowHolidays = allowHolidays;
        this.atRiskPercent = (short) atRiskPercent;
        this.updatedAt = now;
    }

    public boolean allowSla() {
        return allowSla;
    }

    public boolean allowHolidays() {
        return allowHolidays;
    }

    /** The share of a target, 1 to 99, after which a ticket counts as at risk of breaching it. */
    public int atRiskPercent() {
        return atRiskPercent;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public int version() {
        return version;
    }
}
