package io.safaridesk.worker.automation;

import static io.safaridesk.worker.automation.AutomationTestSupport.timeRule;
import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.domain.automation.AutomationRule;
import io.safaridesk.domain.automation.AutomationRules;
import io.safaridesk.domain.automation.AutomationRuns;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.worker.testing.WorkerIntegrationTest;
import io.safaridesk.worker.testing.WorkerTestWorkspace;
import io.safaridesk.worker.testing.WorkerTestWorkspaces;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Time rules on the worker's sweep over a real workspace: a rule acts once per ticket and condition episode, only on
 * the tickets that meet it, a bounded number of times per sweep, and exactly once when two sweeps race.
 */
@WorkerIntegrationTest
class TimeRuleIntegrationTests {

    @Autowired
    WorkerTestWorkspaces workspaces;

    @Autowired
    Tickets tickets;

    @Autowired
    AutomationRules rules;

    @Autowired
    AutomationRuns runs;

    @Autowired
    JdbcClient jdbc;

    WorkerTestWorkspace workspace;
    Actor admin;

    @BeforeEach
    void workspace() {
        workspace = workspaces.create();
        admin = workspace.agent("Ada", Actor.Role.ADMIN);
    }

    private int sweep(int budget) {
        return TenantContext.callAs(workspace.slug(), () -> runs.sweep(budget));
    }

    private Ticket ticket(String subject) {
        return workspace.ticket(admin, subject, subject.replace(' ', '-') + "@customer.test", Channel.WEB);
    }

    private void status(Ticket ticket, String status) {
        workspace.inTransaction(() -> tickets.changeStatus(ticket.id(), status, null, null, admin));
    }

    /** Moves the ticket's last status change this many hours into the past. */
    private void statusChangedHoursAgo(Ticket ticket, int hours) {
        jdbc.sql("update " + workspace.slug().schemaName()
                        + ".tickets set status_changed_at = now() - make_interval(hours => ?)" + " where id = ?")
                .params(hours, ticket.id())
                .update();
    }

    private Ticket read(Ticket ticket) {
        return workspace.inTransaction(() -> tickets.get(ticket.id(), admin));
    }

    private long fired(Ticket ticket) {
        return jdbc.sql("select count(*) from " + workspace.slug().schemaName()
                        + ".ticket_activities where ticket_id = ? and action = 'time_rule_fired'")
                .param(ticket.id())
                .query(Long.class)
                .single();
    }

    private AutomationRule reminder() {
        return timeRule(
                rules,
                workspace,
                admin,
                "Remind pending requesters",
                "[{'field':'status_category','operator':'is','value':'pending'},"
                        + "{'field':'hours_since_status_changed','operator':'greater_than','value':72}]",
                "[{'type':'add_tags','value':['reminded']},{'type':'add_note','value':'<p>Reminder due</p>'}]");
    }

    @Test
    void aRuleActsOncePerTicketAndEpisodeOnlyOnTicketsThatMeetIt() {
        reminder();
        Ticket due = ticket("Waiting long");
        Ticket recent = ticket("Waiting short");
        Ticket open = ticket("Open long");
        status(due, "Pending");
        status(recent, "Pending");
        statusChangedHoursAgo(due, 80);
        statusChangedHoursAgo(recent, 10);
        statusChangedHoursAgo(open, 100);

        assertThat(sweep(100)).isEqualTo(1);
        assertThat(read(due).tags()).containsExactly("reminded");
        assertThat(read(recent).tags()).isEmpty();
        assertThat(read(open).tags()).isEmpty();
        assertThat(sweep(100)).as("once per episode").isZero();
        assertThat(fired(due)).isEqualTo(1);

        status(due, "Open");
        status(due, "Pending");
        assertThat(sweep(100)).as("a new episode, not yet 72 hours old").isZero();
        statusChangedHoursAgo(due, 73);
        assertThat(sweep(100)).as("the new episode, once").isEqualTo(1);
        assertThat(sweep(100)).isZero();
        assertThat(fired(due)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from " + workspace.slug().schemaName()
                                + ".ticket_messages where ticket_id = ? and visibility = 'INTERNAL'")
                        .param(due.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aSweepActsAtMostItsBudgetAndTwoRacingSweepsActOncePerTicket() throws Exception {
        reminder();
        List<Ticket> due = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Ticket ticket = ticket("Due " + i);
            status(ticket, "Pending");
            statusChangedHoursAgo(ticket, 100);
            due.add(ticket);
        }

        assertThat(sweep(10)).as("bounded").isEqualTo(10);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> racing = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                racing.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                start.await(10, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return sweep(100);
                        },
                        pool));
            }
            start.countDown();
            int total = 0;
            for (CompletableFuture<Integer> sweep : racing) {
                total += sweep.get(120, TimeUnit.SECONDS);
            }
            // a ticket the other sweep held was skipped, not waited for: the next sweep takes what is left
            total += sweep(100);
            assertThat(total).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
        assertThat(due).allSatisfy(ticket -> assertThat(fired(ticket)).isEqualTo(1));
        assertThat(sweep(100)).isZero();
    }
}
