package io.safaridesk.worker.testing;

import io.safaridesk.domain.agent.Agent;
import io.safaridesk.domain.agent.AgentRole;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.storage.StorageProperties;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantSchemas;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A workspace schema made for a worker test (migrated from {@code db/tenant}, no realm: the worker needs none), with
 * helpers to add agents and to act in it. Slugs are random, so tests never meet each other's data.
 */
public final class WorkerTestWorkspace {

    private final TenantSlug slug;
    private final TransactionTemplate transaction;
    private final Agents agents;
    private final Tickets tickets;

    private WorkerTestWorkspace(TenantSlug slug, TransactionTemplate transaction, Agents agents, Tickets tickets) {
        this.slug = slug;
        this.transaction = transaction;
        this.agents = agents;
        this.tickets = tickets;
    }

    public static WorkerTestWorkspace create(
            TenantSchemas schemas, TransactionTemplate transaction, Agents agents, Tickets tickets) {
        TenantSlug slug = TenantSlug.of(
                "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        schemas.migrate(slug);
        return new WorkerTestWorkspace(slug, transaction, agents, tickets);
    }

    /**
     * Drops the workspace's schema and deletes its stored files, for tests and benchmarks that leave large data
     * behind.
     */
    public void discard(TenantSchemas schemas, StorageProperties storage) {
        schemas.drop(slug);
        Path folder = storage.path().resolve(slug.value());
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete " + folder, e);
            }
        }
    }

    public TenantSlug slug() {
        return slug;
    }

    /** Runs {@code work} in one transaction of this workspace. */
    public <T> T inTransaction(Supplier<T> work) {
        return TenantContext.callAs(slug, () -> transaction.execute(status -> work.get()));
    }

    /** An active agent (or admin) with this name and an address of its own; answers the actor acting as them. */
    public Actor agent(String name, Actor.Role role) {
        String userId = UUID.randomUUID().toString();
        String email = name.toLowerCase() + "-" + userId.substring(0, 6) + "@" + slug.value() + ".test";
        Agent agent = inTransaction(() -> {
            agents.mirror(new Agents.Identity(
                    userId,
                    name,
                    email,
                    role == Actor.Role.ADMIN ? AgentRole.ADMIN : AgentRole.AGENT,
                    true,
                    Instant.now()));
            return agents.findByKeycloakUserId(userId).orElseThrow();
        });
        return Actor.staff(userId, name, role, agent.id(), Set.of());
    }

    public String emailOf(Actor agent) {
        return inTransaction(() -> agents.get(agent.agentId()).email());
    }

    /** A ticket opened by {@code actor} for a requester with this email. */
    public Ticket ticket(Actor actor, String subject, String requesterEmail, Channel channel) {
        return inTransaction(() -> tickets.create(
                new Tickets.NewTicket(
                        subject,
                        "<p>" + subject + "</p>",
                        channel,
                        new Tickets.Requester(null, "Customer " + subject, requesterEmail, null),
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        null),
                actor));
    }
}
