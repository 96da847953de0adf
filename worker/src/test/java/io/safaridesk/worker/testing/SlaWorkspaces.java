package io.safaridesk.worker.testing;

import io.safaridesk.platform.tenancy.TenantSchemas;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.time.Instant;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Workspaces made with SQL for SLA sweeps, without Keycloak: a migrated schema registered as active, SLAs on, open
 * tickets whose first-response (4 h) and resolution (48 h) clocks run on the seeded calendar.
 */
public final class SlaWorkspaces {

    private SlaWorkspaces() {}

    /** The platform schema (registry, outbox), as provisioning migrates it. */
    public static void migratePlatform(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("platform")
                .locations("classpath:db/platform")
                .load()
                .migrate();
    }

    /** Schema, registry row, SLAs on and the open tickets with running clocks; false when an earlier run made it. */
    public static boolean prepare(JdbcClient jdbc, TenantSchemas schemas, TenantSlug slug, int tickets) {
        String schema = slug.schemaName();
        boolean exists = schemas.exists(slug)
                && jdbc.sql("select count(*) from " + schema + ".tickets")
                                .query(Long.class)
                                .single()
                        == tickets;
        if (exists) {
            return false;
        }
        schemas.drop(slug);
        schemas.migrate(slug);
        jdbc.sql("delete from platform.tenants where slug = ?")
                .param(slug.value())
                .update();
        jdbc.sql("insert into platform.tenants (id, slug, business_name, domain, status, admin_email, admin_name,"
                        + " domain_token, keycloak_url, issuer) values (gen_random_uuid(), ?, ?, ?, 'ACTIVE', ?, 'Bench',"
                        + " 'token', 'http://127.0.0.1:1', ?)")
                .params(
                        slug.value(),
                        slug.value(),
                        slug.value() + ".bench",
                        "admin@" + slug.value() + ".bench",
                        "http://127.0.0.1:1/realms/" + slug.value())
                .update();
        jdbc.sql("update " + schema + ".sla_config set allow_sla = true").update();
        jdbc.sql("insert into " + schema + ".contacts (name, email) values ('Req', 'req@customer.bench')")
                .update();
        jdbc.sql("insert into " + schema + ".tickets (number, subject, channel, requester_id, status_id, priority,"
                        + " created_at, updated_at) select g, 'Ticket ' || g, 'EMAIL', (select min(id) from " + schema
                        + ".contacts), (select id from " + schema + ".ticket_statuses where is_default), 'MEDIUM',"
                        + " now(), now() from generate_series(1, ?) g")
                .param(tickets)
                .update();
        jdbc.sql("insert into " + schema + ".ticket_sla_metrics (ticket_id, metric, calendar_id, target_minutes, state,"
                        + " started_at, running_since, due_at, at_risk_at, updated_at) select t.id, m.metric,"
                        + " (select min(id) from " + schema + ".sla_calendars), m.minutes, 'RUNNING', now(), now(),"
                        + " now() + make_interval(mins => m.minutes), now() + make_interval(mins => m.minutes * 3 / 4),"
                        + " now() from " + schema + ".tickets t, (values ('FIRST_RESPONSE', 240), ('RESOLUTION', 2880))"
                        + " as m (metric, minutes)")
                .update();
        return true;
    }

    /** Puts the first-response clocks of the first tickets past their target, crossings not yet raised. */
    public static void overdue(JdbcClient jdbc, TenantSlug slug, int tickets, int perMille, Instant now) {
        String schema = slug.schemaName();
        jdbc.sql("delete from " + schema + ".ticket_sla_events").update();
        jdbc.sql("update " + schema + ".ticket_sla_metrics set due_at = cast(? as timestamptz) - interval '1 minute',"
                        + " at_risk_at = cast(? as timestamptz) - interval '2 minutes', at_risk_raised_at = null, breached_at = null"
                        + " where metric = 'FIRST_RESPONSE' and ticket_id in (select id from " + schema
                        + ".tickets order by id limit ?)")
                .params(java.sql.Timestamp.from(now), java.sql.Timestamp.from(now), tickets * perMille / 1000)
                .update();
    }
}
