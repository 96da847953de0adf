package io.safaridesk.worker.testing;

import io.safaridesk.domain.agent.Agents;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.platform.tenancy.TenantSchemas;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.support.TransactionTemplate;

/** Makes {@link WorkerTestWorkspace}s in a worker test context (imported by {@link WorkerIntegrationTest}). */
@TestComponent
public class WorkerTestWorkspaces {

    private final TenantSchemas schemas;
    private final TransactionTemplate transaction;
    private final Agents agents;
    private final Tickets tickets;

    WorkerTestWorkspaces(TenantSchemas schemas, TransactionTemplate transaction, Agents agents, Tickets tickets) {
        this.schemas = schemas;
        this.transaction = transaction;
        this.agents = agents;
        this.tickets = tickets;
    }

    public WorkerTestWorkspace create() {
        return WorkerTestWorkspace.create(schemas, transaction, agents, tickets);
    }
}
