package io.safaridesk.provisioning.signup;

import io.safaridesk.provisioning.tenant.Tenant;
import io.safaridesk.provisioning.tenant.TenantRegistry;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks again, in the background, for the domain proof of pending sign-ups (for a week after sign-up). */
@Component
@ConditionalOnProperty(name = "safaridesk.provisioning.runner-enabled", havingValue = "true", matchIfMissing = true)
class DomainRecheck {

    private static final Logger log = LoggerFactory.getLogger(DomainRecheck.class);
    private static final int BATCH = 50;

    private final TenantRegistry tenants;
    private final SignUp signUp;
    private final Clock clock;
    private final Duration interval;

    DomainRecheck(
            TenantRegistry tenants,
            SignUp signUp,
            Clock clock,
            @Value("${safaridesk.provisioning.domain-recheck-interval:60s}") Duration interval) {
        this.tenants = tenants;
        this.signUp = signUp;
        this.clock = clock;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${safaridesk.provisioning.domain-recheck-interval:60s}")
    void recheckPendingDomains() {
        for (Tenant tenant : tenants.awaitingDomainCheck(clock.instant().minus(interval), BATCH)) {
            try {
                signUp.checkDomain(tenant.slug().value());
            } catch (RuntimeException e) {
                log.warn("Domain re-check of {} failed: {}", tenant.slug(), e.getMessage());
            }
        }
    }
}
