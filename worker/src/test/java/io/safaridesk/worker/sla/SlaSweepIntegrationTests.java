package io.safaridesk.worker.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.safaridesk.platform.tenancy.TenantSchemas;
import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.platform.testing.TestServicesInitializer;
import io.safaridesk.worker.WorkerApplication;
import io.safaridesk.worker.testing.SlaWorkspaces;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The worker's SLA sweeps over RabbitMQ: the scheduler publishes a sweep per active workspace, listeners sweep, and
 * each crossing is raised once, with a second worker instance racing the first and after that instance restarts.
 */
@SpringBootTest(
        classes = WorkerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {SlaSweepIntegrationTests.INTERVAL, SlaSweepIntegrationTests.QUEUE})
@ContextConfiguration(initializers = TestServicesInitializer.class)
class SlaSweepIntegrationTests {

    static final String INTERVAL = "safaridesk.sla.sweep.interval=PT0.3S";
    static final String QUEUE = "safaridesk.sla.sweep.queue=safaridesk.sla.sweeps.test";
    private static final int TICKETS = 40;

    @Autowired
    DataSource dataSource;

    @Autowired
    TenantSchemas schemas;

    JdbcClient jdbc;
    TenantSlug workspace;

    @BeforeEach
    void aWorkspaceWithOverdueTickets() {
        jdbc = JdbcClient.create(dataSource);
        SlaWorkspaces.migratePlatform(dataSource);
        workspace = TenantSlug.of("wsla-" + UUID.randomUUID().toString().substring(0, 8));
        SlaWorkspaces.prepare(jdbc, schemas, workspace, TICKETS);
        SlaWorkspaces.overdue(jdbc, workspace, TICKETS, 500, Instant.now());
    }

    @AfterEach
    void retire() {
        jdbc.sql("update platform.tenants set status = 'SUSPENDED' where slug = ?")
                .param(workspace.value())
                .update();
    }

    @Test
    void twoWorkerInstancesAndARestartRaiseEachCrossingOnce() {
        String[] properties = {
            INTERVAL, QUEUE, "server.port=0", "spring.datasource.url=" + jdbcUrl(),
        };
        try (ConfigurableApplicationContext second = secondWorker(properties)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> crossings("BREACHED") == TICKETS / 2);
            await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        }
        try (ConfigurableApplicationContext restarted = secondWorker(properties)) {
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        }

        assertThat(crossings("BREACHED")).isEqualTo(TICKETS / 2);
        assertThat(crossings("AT_RISK")).isEqualTo(TICKETS / 2);
        assertThat(jdbc.sql("select count(*) from platform.outbox where tenant_slug = ? and type = 'sla.breached'")
                        .param(workspace.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(TICKETS / 2);
        assertThat(jdbc.sql("select count(distinct ticket_id) from " + workspace.schemaName()
                                + ".ticket_sla_metrics where breached_at is not null")
                        .query(Long.class)
                        .single())
                .isEqualTo(TICKETS / 2);
    }

    private long crossings(String kind) {
        return jdbc.sql("select count(*) from " + workspace.schemaName() + ".ticket_sla_events where kind = ?")
                .param(kind)
                .query(Long.class)
                .single();
    }

    private String jdbcUrl() {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConfigurableApplicationContext secondWorker(String... properties) {
        return new SpringApplicationBuilder(WorkerApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(new TestServicesInitializer())
                .properties(properties)
                .run();
    }
}
