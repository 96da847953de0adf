package io.safaridesk.helpdesk.actor;

import io.safaridesk.domain.agent.Agent;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.domain.agent.Membership;
import io.safaridesk.domain.contact.Contact;
import io.safaridesk.domain.contact.Contacts;
import io.safaridesk.helpdesk.security.TenantAuthentication;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.tenancy.WorkspaceCache;
import io.safaridesk.platform.tenancy.WorkspaceCaches;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Who an authenticated caller is in the helpdesk of the workspace in context: staff with their agent profile and
 * departments, customers as the contact their portal account is linked to (a verified email links an unlinked account
 * on first use). Used for REST calls and for WebSocket sessions alike.
 */
@Component
public class Actors {

    private final Agents agents;
    private final Contacts contacts;
    private final WorkspaceCache<Caller, Actor> cache;

    Actors(Agents agents, Contacts contacts, WorkspaceCaches caches) {
        this.agents = agents;
        this.contacts = contacts;
        this.cache = caches.create(100_000, Agent.class, Contact.class);
    }

    /** What of a token decides who its user is as an actor. */
    private record Caller(String userId, List<String> roles, String name, String email, Boolean emailVerified) {
        static Caller of(TenantAuthentication caller) {
            Jwt token = caller.getToken();
            return new Caller(
                    caller.userId(),
                    caller.roles(),
                    token.getClaimAsString("name"),
                    token.getClaimAsString("email"),
                    token.getClaimAsBoolean("email_verified"));
        }
    }

    /**
     * The caller as an actor of its workspace, which must be in context; else a {@link NoActor} problem. Actors are
     * cached per workspace (see {@link WorkspaceCache}): a change to an agent or contact evicts them on commit here,
     * and elsewhere shows within the cache's staleness. Problems are never cached.
     */
    public Actor of(TenantAuthentication caller) {
        return cache.get(Caller.of(caller), () -> resolve(caller));
    }

    private Actor resolve(TenantAuthentication caller) {
        List<String> roles = caller.roles();
        if (roles.contains("admin") || roles.contains("agent")) {
            Agent agent = agents.findByKeycloakUserId(caller.userId())
                    .filter(Agent::active)
                    .orElseThrow(NoActor::noAgentProfile);
            return Actor.staff(
                    caller.userId(),
                    agent.name(),
                    roles.contains("admin") ? Actor.Role.ADMIN : Actor.Role.AGENT,
                    agent.id(),
                    agent.memberships().stream().map(Membership::departmentId).collect(Collectors.toSet()));
        }
        if (roles.contains("customer")) {
            Jwt token = caller.getToken();
            String name = token.getClaimAsString("name");
            return contacts.forPortalUser(
                            caller.userId(),
                            name,
                            token.getClaimAsString("email"),
                            Boolean.TRUE.equals(token.getClaimAsBoolean("email_verified")))
                    .map(contact -> Actor.customer(caller.userId(), contact.name(), contact.id()))
                    .orElseThrow(NoActor::unlinkedCustomer);
        }
        throw NoActor.noRole();
    }

    /** The caller cannot act in the workspace's helpdesk. */
    public static final class NoActor extends ApiProblem {
        private NoActor(HttpStatus status, String type, String detail) {
            super(status, type, detail);
        }

        static NoActor anonymous() {
            return new NoActor(HttpStatus.UNAUTHORIZED, "unauthenticated", "A workspace token is required");
        }

        static NoActor noAgentProfile() {
            return new NoActor(HttpStatus.FORBIDDEN, "no-agent-profile", "Your agent profile is missing or inactive");
        }

        static NoActor unlinkedCustomer() {
            return new NoActor(
                    HttpStatus.FORBIDDEN,
                    "portal-account-unlinked",
                    "Your portal account is not linked to a contact: verify your email address first");
        }

        static NoActor noRole() {
            return new NoActor(HttpStatus.FORBIDDEN, "no-role", "You have no role in this workspace");
        }
    }
}
