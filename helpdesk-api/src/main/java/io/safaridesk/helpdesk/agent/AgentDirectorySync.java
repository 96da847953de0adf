package io.safaridesk.helpdesk.agent;

import io.safaridesk.domain.agent.Agents;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantDirectory;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings a workspace's agent profiles in step with its Keycloak realm, for changes made directly in the admin console:
 * staff users (role admin or agent) are created or updated (name, email, role, active = enabled); an agent whose user
 * lost its staff role becomes inactive; an agent whose user is gone is marked deleted and keeps its name. Runs for every
 * active workspace every {@code safaridesk.agents.reconcile-interval} (10 minutes by default).
 */
@Component
public class AgentDirectorySync {

    private static final Logger log = LoggerFactory.getLogger(AgentDirectorySync.class);

    private final Agents agents;
    private final KeycloakUsers keycloak;
    private final TenantDirectory tenants;
    private final Clock clock;

    AgentDirectorySync(Agents agents, KeycloakUsers keycloak, TenantDirectory tenants, Clock clock) {
        this.agents = agents;
        this.keycloak = keycloak;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** What one reconciliation changed. */
    public record Outcome(int changed, int revoked, int deleted, int failed) {}

    /** Reconciles every active workspace; one failing workspace is logged and does not stop the others. */
    @Scheduled(
            initialDelayString = "${safaridesk.agents.reconcile-interval:10m}",
            fixedDelayString = "${safaridesk.agents.reconcile-interval:10m}")
    public void reconcileAll() {
        for (TenantSlug workspace : tenants.activeSlugs()) {
            try {
                Outcome outcome = reconcile(workspace);
                log.info("agents of {} reconciled with Keycloak: {}", workspace, outcome);
            } catch (RuntimeException e) {
                log.error("agents of {} not reconciled with Keycloak", workspace, e);
            }
        }
    }

    /** Reconciles the agents of {@code workspace} with its realm, inside that workspace's context. */
    public Outcome reconcile(TenantSlug workspace) {
        return TenantContext.callAs(workspace, () -> reconcileInContext(workspace));
    }

    private Outcome reconcileInContext(TenantSlug workspace) {
        Instant seenAt = clock.instant();
        List<KeycloakUsers.StaffUser> staff = keycloak.staff(workspace);
        int changed = 0;
        int failed = 0;
        Set<String> staffIds = new HashSet<>();
        for (KeycloakUsers.StaffUser user : staff) {
            staffIds.add(user.id());
            try {
                if (agents.mirror(new Agents.Identity(
                        user.id(), user.name(), user.email(), user.role(), user.enabled(), seenAt))) {
                    changed++;
                }
            } catch (RuntimeException e) {
                failed++;
                log.warn("agent {} of {} not mirrored from Keycloak: {}", user.id(), workspace, e.toString());
            }
        }
        int revoked = 0;
        int deleted = 0;
        for (String userId : agents.liveKeycloakUserIds()) {
            if (staffIds.contains(userId)) {
                continue;
            }
            if (keycloak.exists(workspace, userId)) {
                revoked += agents.revokeStaffRole(userId) ? 1 : 0;
            } else {
                deleted += agents.markDeleted(userId) ? 1 : 0;
            }
        }
        return new Outcome(changed, revoked, deleted, failed);
    }
}
