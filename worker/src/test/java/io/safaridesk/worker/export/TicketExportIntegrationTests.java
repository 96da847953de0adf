package io.safaridesk.worker.export;

import static io.safaridesk.worker.export.ExportTestSupport.awaitFinished;
import static io.safaridesk.worker.export.ExportTestSupport.download;
import static io.safaridesk.worker.export.ExportTestSupport.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.safaridesk.domain.agent.AgentRole;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.domain.department.Departments;
import io.safaridesk.domain.export.ExportFormat;
import io.safaridesk.domain.export.ExportRuns;
import io.safaridesk.domain.export.ExportState;
import io.safaridesk.domain.export.TicketExport;
import io.safaridesk.domain.export.TicketExports;
import io.safaridesk.domain.notification.Notification;
import io.safaridesk.domain.notification.Notifications;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.storage.FileStore;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.worker.mail.MailDelivery;
import io.safaridesk.worker.outbox.OutboxRelay;
import io.safaridesk.worker.testing.Inbox;
import io.safaridesk.worker.testing.WorkerIntegrationTest;
import io.safaridesk.worker.testing.WorkerTestWorkspace;
import io.safaridesk.worker.testing.WorkerTestWorkspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Exports end to end on the real PostgreSQL, RabbitMQ and SMTP/IMAP server: requested through the facade the API
 * calls, relayed from the outbox, written by the worker's consumer, stored, announced, downloaded through the signed
 * link and parsed back with Commons CSV and Apache POI.
 */
@WorkerIntegrationTest
@TestPropertySource(properties = "safaridesk.messaging.queue-prefix=safaridesk.worker-test-exports")
class TicketExportIntegrationTests {

    @Autowired
    WorkerTestWorkspaces workspaces;

    @Autowired
    TicketExports exports;

    @Autowired
    ExportRuns runs;

    @Autowired
    ExportJob job;

    @Autowired
    Agents agents;

    @Autowired
    Departments departments;

    @Autowired
    Notifications notifications;

    @Autowired
    FileStore files;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MailDelivery delivery;

    @Autowired
    JdbcClient jdbc;

    WorkerTestWorkspace workspace;
    Actor ann;

    @BeforeEach
    void workspace() {
        workspace = workspaces.create();
        ann = workspace.agent("Ann", Actor.Role.ADMIN);
    }

    private Ticket ticket(String subject, Channel channel) {
        return workspace.ticket(ann, subject, "req-" + UUID.randomUUID() + "@customer.test", channel);
    }

    @Test
    void csvExportOfTheListHoldsEveryColumnAndNeutralisesFormulas() {
        List<String> subjects = List.of(
                "Printer jam, \"urgent\"\nsecond line",
                "=HYPERLINK(\"http://evil.test\",\"click\")",
                "+SUM(A1:A9)",
                "-2 degrees in the server room",
                "@channel look",
                "Ünïcödé ✓ 日本語");
        List<Ticket> opened = new ArrayList<>();
        subjects.forEach(subject -> opened.add(ticket(subject, Channel.PHONE)));
        workspace.inTransaction(() -> jdbc.sql("update " + workspace.slug().schemaName()
                        + ".tickets set tags = array['vip','printer'] where id = ?")
                .param(opened.getFirst().id())
                .update());

        long id = workspace
                .inTransaction(() -> exports.requestList(list(), ExportFormat.CSV, ann))
                .id();
        TicketExport export = awaitFinished(workspace, relay, exports, id, ann);

        assertThat(export.state()).isEqualTo(ExportState.READY);
        assertThat(export.rowCount()).isEqualTo(6);
        List<CSVRecord> records = download(workspace, exports, export, ann, ExportTestSupport::parseCsv);
        assertThat(records.getFirst().getParser().getHeaderNames()).containsExactlyElementsOf(ExportRuns.columns());
        assertThat(records).hasSize(6);
        // newest first, as the list's default order
        assertThat(records)
                .extracting(r -> r.get("subject"))
                .containsExactly(
                        "Ünïcödé ✓ 日本語",
                        "'@channel look",
                        "'-2 degrees in the server room",
                        "'+SUM(A1:A9)",
                        "'=HYPERLINK(\"http://evil.test\",\"click\")",
                        "Printer jam, \"urgent\"\nsecond line");
        CSVRecord first = records.getLast();
        Ticket firstTicket = opened.getFirst();
        assertThat(first.get("number")).isEqualTo("T-" + firstTicket.number());
        assertThat(first.get("status")).isEqualTo("Open");
        assertThat(first.get("priority")).isEqualTo("MEDIUM");
        assertThat(first.get("channel")).isEqualTo("PHONE");
        assertThat(first.get("requester_name")).isEqualTo("Customer " + subjects.getFirst());
        assertThat(first.get("requester_email")).endsWith("@customer.test");
        assertThat(first.get("tags")).isEqualTo("vip printer");
        assertThat(first.get("assignee")).isEmpty();
        assertThat(first.get("resolved_at")).isEmpty();
        assertThat(Instant.parse(first.get("created_at")))
                .isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now());
        assertThat(first.get("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void xlsxExportOfSelectedTicketsReadsBackWithApachePoi() throws IOException {
        Ticket a = ticket("=1+1 stays text", Channel.EMAIL);
        ticket("Not selected", Channel.EMAIL);
        Ticket c = ticket("Laptop screen broken", Channel.WEB);

        long id = workspace
                .inTransaction(() -> exports.requestTickets(List.of(c.id(), a.id()), ExportFormat.XLSX, ann))
                .id();
        TicketExport export = awaitFinished(workspace, relay, exports, id, ann);

        assertThat(export.state()).isEqualTo(ExportState.READY);
        List<List<String>> rows = download(workspace, exports, export, ann, content -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook(content)) {
                Sheet sheet = workbook.getSheet("Tickets");
                List<List<String>> cells = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> values = new ArrayList<>();
                    for (int column = 0; column < ExportRuns.columns().size(); column++) {
                        Cell cell = row.getCell(column);
                        assertThat(cell == null || cell.getCellType() == CellType.STRING)
                                .as("cells are text, never formulas")
                                .isTrue();
                        values.add(cell == null ? "" : cell.getStringCellValue());
                    }
                    cells.add(values);
                }
                return cells;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(rows.getFirst()).containsExactlyElementsOf(ExportRuns.columns());
        assertThat(rows).hasSize(3);
        // selected tickets in number order
        assertThat(rows.get(1)).startsWith("T-" + a.number(), "=1+1 stays text", "Open", "MEDIUM");
        assertThat(rows.get(1).get(9)).isEqualTo("EMAIL");
        assertThat(rows.get(2)).startsWith("T-" + c.number(), "Laptop screen broken");
        assertThat(rows.get(2).get(9)).isEqualTo("WEB");
    }

    @Test
    void anAgentsExportHoldsOnlyTheTicketsTheAgentSees() {
        Actor bob = workspace.agent("Bob", Actor.Role.AGENT);
        long sales = workspace.inTransaction(() -> departments
                .create(new Departments.Details("Sales", null, true, null))
                .id());
        Ticket triage = ticket("Triage ticket", Channel.WEB);
        Ticket hidden = ticket("Sales secret", Channel.WEB);
        Ticket assigned = ticket("Sales but assigned to Bob", Channel.WEB);
        String schema = workspace.slug().schemaName();
        workspace.inTransaction(() -> jdbc.sql("update " + schema + ".tickets set department_id = ? where id in (?, ?)")
                .params(sales, hidden.id(), assigned.id())
                .update());
        workspace.inTransaction(() -> jdbc.sql("update " + schema + ".tickets set assignee_id = ? where id = ?")
                .params(bob.agentId(), assigned.id())
                .update());

        long id = workspace
                .inTransaction(() -> exports.requestList(list(), ExportFormat.CSV, bob))
                .id();
        TicketExport export = awaitFinished(workspace, relay, exports, id, bob);

        assertThat(download(workspace, exports, export, bob, ExportTestSupport::parseCsv))
                .extracting(r -> r.get("subject"))
                .containsExactlyInAnyOrder(triage.subject(), assigned.subject());
        assertThatThrownBy(() -> workspace.inTransaction(
                        () -> exports.requestTickets(List.of(triage.id(), hidden.id()), ExportFormat.CSV, bob)))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(problem.fields())
                            .singleElement()
                            .satisfies(field -> assertThat(field.field()).isEqualTo("ticket_ids[1]"));
                });
        assertThatThrownBy(() ->
                        workspace.inTransaction(() -> exports.get(id, workspace.agent("Cy", Actor.Role.AGENT))))
                .as("another agent's export does not exist for them")
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    @Test
    void aReadyExportIsAnnouncedInAppAndByMailWithItsSignedLink() {
        ticket("Announce me", Channel.WEB);
        long id = workspace
                .inTransaction(() -> exports.requestList(list(), ExportFormat.XLSX, ann))
                .id();
        awaitFinished(workspace, relay, exports, id, ann);

        String email = workspace.emailOf(ann);
        List<Inbox.Mail> mails = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            relay.drain();
                            delivery.drain();
                            return Inbox.of(email);
                        },
                        received -> !received.isEmpty());
        assertThat(mails.getFirst().subject()).contains("Your export is ready").contains("tickets-" + id + ".xlsx");
        assertThat(mails.getFirst().text())
                .contains("http://127.0.0.1:8080/api/v1/tickets/exports/" + id + "/file?expires=")
                .contains("&signature=");
        assertThat(workspace.inTransaction(() -> notifications.list(ann.userId(), false, Long.MAX_VALUE, 10)))
                .extracting(Notification::kind, Notification::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("export_ready", "Your export is ready"));
    }

    @Test
    void aRequestDeliveredAgainIsNotWrittenTwice() {
        ticket("Once", Channel.WEB);
        long id = workspace
                .inTransaction(() -> exports.requestList(list(), ExportFormat.CSV, ann))
                .id();
        TicketExport first = awaitFinished(workspace, relay, exports, id, ann);

        TenantContext.runAs(workspace.slug(), () -> job.run(id));

        TicketExport after = workspace.inTransaction(() -> exports.get(id, ann));
        assertThat(after.finishedAt()).isEqualTo(first.finishedAt());
        assertThat(jdbc.sql("select count(*) from platform.outbox where tenant_slug = ? and type = 'export.ready'")
                        .param(workspace.slug().value())
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void anExportWhoseRequesterLeftFailsWithTheReasonAndANotification() {
        Actor bob = workspace.agent("Bob", Actor.Role.AGENT);
        long id = workspace
                .inTransaction(() -> exports.requestList(list(), ExportFormat.CSV, bob))
                .id();
        workspace.inTransaction(() -> agents.mirror(new Agents.Identity(
                bob.userId(), "Bob", workspace.emailOf(bob), AgentRole.AGENT, false, Instant.now())));

        TicketExport export = awaitFinished(workspace, relay, exports, id, bob);

        assertThat(export.state()).isEqualTo(ExportState.FAILED);
        assertThat(export.error()).isEqualTo("the requester is no longer an active agent");
        assertThat(await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(200))
                        .until(
                                () -> {
                                    relay.drain();
                                    return workspace.inTransaction(
                                            () -> notifications.list(bob.userId(), false, Long.MAX_VALUE, 10));
                                },
                                list -> !list.isEmpty()))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.kind()).isEqualTo("export_failed");
                    assertThat(n.body()).isEqualTo("the requester is no longer an active agent");
                });
    }

    @Test
    void anExportPastItsRetentionLosesItsFileAndCannotBeDownloaded() {
        ticket("Short-lived", Channel.WEB);
        long id = workspace
                .inTransaction(() -> exports.requestList(list(), ExportFormat.CSV, ann))
                .id();
        TicketExport ready = awaitFinished(workspace, relay, exports, id, ann);
        String table = workspace.slug().schemaName() + ".ticket_exports";
        String key = jdbc.sql("select storage_key from " + table + " where id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(files.open(workspace.slug(), key)).isPresent().get().satisfies(in -> in.close());
        jdbc.sql("update " + table + " set expires_at = now() - interval '1 minute' where id = ?")
                .param(id)
                .update();

        ExportRuns.Expiry expiry = TenantContext.callAs(workspace.slug(), runs::expire);

        assertThat(expiry.expired()).isOne();
        assertThat(files.open(workspace.slug(), key)).isEmpty();
        assertThat(workspace.inTransaction(() -> exports.get(id, ann)).state()).isEqualTo(ExportState.EXPIRED);
        assertThatThrownBy(() -> download(workspace, exports, ready, ann, in -> in))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.GONE));
    }

    @Test
    void aListExportKeepsTheListsFilters() {
        Ticket high = ticket("High one", Channel.WEB);
        ticket("Medium one", Channel.WEB);
        workspace.inTransaction(() -> jdbc.sql(
                        "update " + workspace.slug().schemaName() + ".tickets set priority = 'HIGH' where id = ?")
                .param(high.id())
                .update());

        long id = workspace
                .inTransaction(() -> exports.requestList(list(Priority.HIGH), ExportFormat.CSV, ann))
                .id();
        TicketExport export = awaitFinished(workspace, relay, exports, id, ann);

        assertThat(download(workspace, exports, export, ann, ExportTestSupport::parseCsv))
                .extracting(r -> r.get("subject"), r -> r.get("priority"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("High one", "HIGH"));
        assertThat(export.rowCount()).isOne();
    }
}
