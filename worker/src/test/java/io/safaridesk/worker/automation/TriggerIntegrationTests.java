package io.safaridesk.worker.automation;

import static io.safaridesk.worker.automation.AutomationTestSupport.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.safaridesk.domain.automation.AutomationRule;
import io.safaridesk.domain.automation.AutomationRules;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.worker.outbox.OutboxRelay;
import io.safaridesk.worker.testing.WorkerIntegrationTest;
import io.safaridesk.worker.testing.WorkerTestWorkspace;
import io.safaridesk.worker.testing.WorkerTestWorkspaces;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Triggers on the running worker: ticket events go through the real outbox, RabbitMQ and the automation consumer;
 * the triggers act through the ticket operations, history names them, and chains of triggers stop (at most once per
 * trigger and chain, at most {@code max-depth} deep).
 */
@WorkerIntegrationTest
class TriggerIntegrationTests {

    @Autowired
    WorkerTestWorkspaces workspaces;

    @Autowired
    Tickets tickets;

    @Autowired
    AutomationRules rules;

    @Autowired
    OutboxRelay relay;

    @Autowired
    JdbcClient jdbc;

    WorkerTestWorkspace workspace;
    Actor admin;

    @BeforeEach
    void workspace() {
        workspace = workspaces.create();
        admin = workspace.agent("Ada", Actor.Role.ADMIN);
    }

    private Ticket read(Ticket ticket) {
        return workspace.inTransaction(() -> tickets.get(ticket.id(), admin));
    }

    /** Relays events (the triggers' own too) until the ticket meets {@code done}. */
    private Ticket awaitTicket(Ticket ticket, Predicate<Ticket> done) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            relay.drain();
                            return read(ticket);
                        },
                        done);
    }

    /** Relays until nothing is left in the outbox and no trigger acted for a while: the chain has run out. */
    private void awaitQuiet(Ticket ticket) {
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    relay.drain();
                    long now = firings(ticket).size()
                            + jdbc.sql("select count(*) from platform.outbox where published_at is null")
                                    .query(Long.class)
                                    .single();
                    boolean quiet = now == last[0];
                    last[0] = now;
                    return quiet;
                });
    }

    private List<Map<String, Object>> firings(Ticket ticket) {
        return jdbc.sql("select r.name, f.depth, f.outcome, f.episode from "
                        + workspace.slug().schemaName()
                        + ".automation_firings f join " + workspace.slug().schemaName()
                        + ".automation_rules r on r.id = f.rule_id where f.ticket_id = ? order by f.id")
                .param(ticket.id())
                .query()
                .listOfRows();
    }

    private List<Map<String, Object>> history(Ticket ticket) {
        return jdbc.sql("select actor_id, actor_name, action, field, new_value from "
                        + workspace.slug().schemaName() + ".ticket_activities where ticket_id = ? order by id")
                .param(ticket.id())
                .query()
                .listOfRows();
    }

    @Test
    void aTriggerActsOnTheEventsItMatchesThroughTheTicketOperationsAndHistoryNamesIt() {
        AutomationRule refunds = trigger(
                rules,
                workspace,
                admin,
                "Refunds to billing",
                List.of("created"),
                "[{'field':'channel','operator':'is','value':'email'},"
                        + "{'field':'subject','operator':'contains','value':'refund'}]",
                "[{'type':'set_priority','value':'high'},{'type':'add_tags','value':['billing']},"
                        + "{'type':'add_note','value':'<p>Sent to billing by a trigger</p>'},"
                        + "{'type':'add_watcher','value':" + admin.agentId() + "}]");

        Ticket matching = workspace.ticket(admin, "Refund for order 7", "jo@customer.test", Channel.EMAIL);
        Ticket byWeb = workspace.ticket(admin, "Refund via the form", "al@customer.test", Channel.WEB);

        Ticket acted = awaitTicket(matching, t -> t.tags().contains("billing"));
        assertThat(acted.priority()).isEqualTo(Priority.HIGH);
        awaitQuiet(byWeb);
        assertThat(read(byWeb).priority()).as("another channel").isEqualTo(Priority.MEDIUM);
        assertThat(read(byWeb).tags()).isEmpty();
        assertThat(firings(byWeb)).isEmpty();

        List<Map<String, Object>> history = history(matching);
        assertThat(history).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("trigger_fired");
            assertThat(row.get("field")).isEqualTo("trigger");
            assertThat(row.get("new_value")).isEqualTo("Refunds to billing");
        });
        assertThat(history.stream()
                        .filter(row -> "Trigger: Refunds to billing".equals(row.get("actor_name")))
                        .map(row -> row.get("action") + ":" + row.get("field"))
                        .toList())
                .as("every change says which trigger made it")
                .contains(
                        "trigger_fired:trigger", "updated:priority", "updated:tags", "noted:note", "updated:watchers");
        assertThat(history.stream()
                        .filter(row -> String.valueOf(row.get("actor_name")).startsWith("Trigger:"))
                        .map(row -> row.get("actor_id")))
                .as("a trigger is no realm user")
                .containsOnlyNulls();
        assertThat(firings(matching)).hasSize(1);
        assertThat(firings(matching).getFirst().get("outcome")).isEqualTo("APPLIED");
        assertThat(refunds.id()).isNotNull();
    }

    @Test
    void twoTriggersUndoingEachOtherFireOncePerChainAndStop() {
        trigger(
                rules,
                workspace,
                admin,
                "Ping",
                List.of("updated"),
                "[]",
                "[{'type':'add_tags','value':['ping']},{'type':'remove_tags','value':['pong']}]");
        trigger(
                rules,
                workspace,
                admin,
                "Pong",
                List.of("updated"),
                "[]",
                "[{'type':'add_tags','value':['pong']},{'type':'remove_tags','value':['ping']}]");
        Ticket ticket = workspace.ticket(admin, "Loop", "loop@customer.test", Channel.WEB);

        workspace.inTransaction(() -> tickets.update(
                ticket.id(), new Tickets.Changes(null, null, null, null, null, Priority.LOW, null, null), admin));
        awaitTicket(ticket, t -> t.tags().contains("pong"));
        awaitQuiet(ticket);

        List<Map<String, Object>> firings = firings(ticket);
        assertThat(firings.stream().map(f -> f.get("name")).toList())
                .as("each once, in position order, for the one human change")
                .containsExactly("Ping", "Pong");
        assertThat(firings.stream().map(f -> f.get("episode")).distinct()).hasSize(1);
        assertThat(read(ticket).tags()).containsExactly("pong");
    }

    @Test
    void aChainOfTriggersStopsAtTheMaximumDepth() {
        // deepest first: one event runs its triggers in position order against the ticket as the earlier ones left
        // it, so a later level placed first waits for the next event of the chain
        for (int level = 7; level >= 2; level--) {
            trigger(
                    rules,
                    workspace,
                    admin,
                    "Level " + level,
                    List.of("updated"),
                    "[{'field':'tags','operator':'contains','value':'l" + (level - 1) + "'}]",
                    "[{'type':'add_tags','value':['l" + level + "']}]");
        }
        trigger(rules, workspace, admin, "Level 1", List.of("created"), "[]", "[{'type':'add_tags','value':['l1']}]");
        Ticket ticket = workspace.ticket(admin, "Deep", "deep@customer.test", Channel.WEB);

        awaitTicket(ticket, t -> t.tags().contains("l5"));
        awaitQuiet(ticket);

        assertThat(read(ticket).tags()).as("five levels deep, no more").containsExactly("l1", "l2", "l3", "l4", "l5");
        assertThat(firings(ticket).stream()
                        .map(f -> ((Number) f.get("depth")).intValue())
                        .toList())
                .containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void anActionTheTicketRefusesUndoesTheTriggersOtherActionsAndIsRecordedAsFailed() {
        // Pending -> Closed is allowed; an assignee who is no member of the ticket's department is refused
        Actor outsider = workspace.agent("Out", Actor.Role.AGENT);
        long department = jdbc.sql("insert into " + workspace.slug().schemaName()
                        + ".departments (name) values ('Billing') returning id")
                .query(Long.class)
                .single();
        trigger(
                rules,
                workspace,
                admin,
                "Bad assignment",
                List.of("created"),
                "[]",
                "[{'type':'add_tags','value':['half']},{'type':'set_department','value':" + department + "},"
                        + "{'type':'assign','value':" + outsider.agentId() + "}]");
        Ticket ticket = workspace.ticket(admin, "Refused", "refused@customer.test", Channel.WEB);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    relay.drain();
                    return !firings(ticket).isEmpty();
                });

        assertThat(firings(ticket).getFirst().get("outcome")).isEqualTo("FAILED");
        assertThat(read(ticket).tags()).as("all or nothing").isEmpty();
        assertThat(read(ticket).departmentId()).isNull();
        assertThat(history(ticket).stream().map(row -> row.get("action"))).doesNotContain("trigger_fired");
    }
}
