package io.safaridesk.helpdesk.agent;

import io.safaridesk.domain.agent.Agent;
import io.safaridesk.domain.agent.AgentRole;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.helpdesk.security.TenantAuthentication;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What an admin does to the agents of their workspace, keeping the Keycloak realm (identity, enabled flag, realm role)
 * and the workspace's agent profiles in step. The workspace is always the caller's.
 */
@Component
public class AgentAdministration {

    private static final Logger log = LoggerFactory.getLogger(AgentAdministration.class);

    private final Agents agents;
    private final KeycloakUsers keycloak;

    AgentAdministration(Agents agents, KeycloakUsers keycloak) {
        this.agents = agents;
        this.keycloak = keycloak;
    }

    /**
     * Creates the agent's Keycloak user and profile and sends the invitation mail. A profile that cannot be saved
     * takes the new Keycloak user with it; a mail that cannot be sent is logged, the agent stays invited.
     */
    public Agent invite(TenantAuthentication caller, Agents.Invitation invitation) {
        TenantSlug workspace = caller.tenant();
        AtomicReference<String> created = new AtomicReference<>();
        Agent agent;
        try {
            agent = agents.invite(invitation, i -> {
                created.set(keycloak.create(workspace, i.name(), i.email(), i.role()));
                return created.get();
            });
        } catch (RuntimeException e) {
            if (created.get() != null) {
                keycloak.delete(workspace, created.get());
            }
            throw e;
        }
        try {
            keycloak.sendInvitation(workspace, agent.keycloakUserId());
        } catch (IdentityProviderProblem e) {
            log.warn("invitation mail to agent {} of {} not sent: {}", agent.id(), workspace, e.getMessage());
        }
        return agent;
    }

    public List<Agent> list(TenantAuthentication caller, Agents.Filter filter, long afterId, int limit) {
        return agents.list(filter, afterId, limit);
    }

    public Agent get(TenantAuthentication caller, long id) {
        return agents.get(id);
    }

    /** Changes name, phone, departments and role; nobody changes their own role or demotes the last admin. */
    public Agent update(TenantAuthentication caller, long id, Agents.Changes changes) {
        TenantSlug workspace = caller.tenant();
        return agents.update(id, changes, agent -> {
            boolean roleChanges = changes.role() != null && agent.role() != changes.role();
            if (roleChanges && agent.keycloakUserId().equals(caller.userId())) {
                throw Agents.OwnAccount.roleChange();
            }
            if (roleChanges && agent.role() == AgentRole.ADMIN) {
                requireAnotherAdmin(workspace, agent);
            }
            if (!agent.name().equals(changes.name())) {
                keycloak.rename(workspace, agent.keycloakUserId(), changes.name());
            }
            if (roleChanges) {
                keycloak.changeRole(workspace, agent.keycloakUserId(), changes.role());
            }
        });
    }

    /**
     * Activates or deactivates an agent. Deactivated, the Keycloak user is disabled and logged out; the profile and
     * everything the agent did stay. Nobody deactivates themselves or the last active admin.
     */
    public Agent changeStatus(TenantAuthentication caller, long id, boolean active) {
        TenantSlug workspace = caller.tenant();
        return agents.changeStatus(id, active, agent -> {
            if (active) {
                keycloak.enable(workspace, agent.keycloakUserId());
                return;
            }
            if (agent.keycloakUserId().equals(caller.userId())) {
                throw Agents.OwnAccount.deactivation();
            }
            if (agent.role() == AgentRole.ADMIN) {
                requireAnotherAdmin(workspace, agent);
            }
            keycloak.disable(workspace, agent.keycloakUserId());
        });
    }

    private void requireAnotherAdmin(TenantSlug workspace, Agent agent) {
        if (keycloak.otherEnabledAdmins(workspace, agent.keycloakUserId()) == 0) {
            throw Agents.LastAdmin.forAgent(agent.id());
        }
    }
}
