package io.safaridesk.domain.sla;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.tenancy.WorkspaceCache;
import io.safaridesk.platform.tenancy.WorkspaceCaches;
import java.time.Clock;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The SLA configuration of the workspace in context; SLAs and holidays start off, at risk at 75 %. */
@Component
@Transactional
public class SlaSettings {

    private final SlaConfigurationRepository repository;
    private final Clock clock;
    private final WorkspaceCache<Boolean, SlaConfiguration> cache;

    SlaSettings(SlaConfigurationRepository repository, Clock clock, WorkspaceCaches caches) {
        this.repository = repository;
        this.clock = clock;
        this.cache = caches.create(10_000, SlaConfiguration.class);
    }

    /** What an admin changes; a null leaves that setting as it is. {@code version} guards against lost updates. */
    public record Changes(Boolean allowSla, Boolean allowHolidays, Integer atRiskPercent, Integer version) {}

    /** The configuration, from the workspace's cache (see {@link WorkspaceCache}): shared, read-only. */
    public SlaConfiguration current() {
        return cache.get(true, () -> stored().sharedCopy());
    }

    private SlaConfiguration stored() {
        return repository
                .findById(SlaConfiguration.ONLY_ROW)
                .orElseGet(() -> repository.saveAndFlush(SlaConfiguration.defaults(clock.instant())));
    }

    public SlaConfiguration change(Changes changes) {
        SlaConfiguration configuration = stored();
        if (changes.version() != null && changes.version() != configuration.version()) {
            throw new ObjectOptimisticLockingFailureException(SlaConfiguration.class, SlaConfiguration.ONLY_ROW);
        }
        int atRiskPercent = changes.atRiskPercent() == null ? configuration.atRiskPercent() : changes.atRiskPercent();
        if (atRiskPercent < 1 || atRiskPercent > 99) {
            throw ApiProblem.invalidField("at_risk_percent", "must be between 1 and 99");
        }
        configuration.change(
                changes.allowSla() == null ? configuration.allowSla() : changes.allowSla(),
                changes.allowHolidays() == null ? configuration.allowHolidays() : changes.allowHolidays(),
                atRiskPercent,
                clock.instant());
        return repository.saveAndFlush(configuration);
    }
}
