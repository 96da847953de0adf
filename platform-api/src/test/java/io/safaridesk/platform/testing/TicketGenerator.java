package io.safaridesk.platform.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Generates tickets at scale in a workspace schema with SQL, for benchmarks and tests that need many: 20,000
 * requesters, then tickets in batches of 100,000 with random subjects and bodies from a support vocabulary, spread over
 * statuses ({@link Shape}), priorities and channels, numbered from 1,000,001, one tag each.
 */
public final class TicketGenerator {

    private TicketGenerator() {}

    /** How tickets spread over the workspace's statuses (seeded in position order: Open first, Closed last). */
    public enum Shape {
        /** Evenly over the six seeded statuses. */
        EVEN("(select id from ticket_statuses order by position limit 1) + n % 6"),
        /** As in real use: 95 % closed, 3 % open, the rest in the statuses between. */
        MOSTLY_CLOSED("case when n % 100 < 95 then (select max(id) from ticket_statuses) when n % 100 < 98 then"
                + " (select min(id) from ticket_statuses) else (select min(id) from ticket_statuses) + 1 + n % 4 end");

        private final String statusSql;

        Shape(String statusSql) {
            this.statusSql = statusSql;
        }
    }

    public static void generate(DataSource dataSource, String schema, int count) throws SQLException {
        generate(dataSource, schema, count, Shape.EVEN);
    }

    /**
     * {@code count} tickets newer than all others that a search for printer or toner never finds: 95 % closed, the rest
     * open and HIGH, so that a list of open urgent printer tickets has to pass over them if its plan reads by date.
     */
    public static void generateNonMatching(DataSource dataSource, String schema, int count) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            connection.setSchema(schema);
            sql.execute(
                    "insert into tickets (number, subject, description_html, description_text, channel, requester_id,"
                            + " status_id, priority, tags, created_at, updated_at) select (select last_number from"
                            + " ticket_number_counter) + g, 'vpn drops on wifi', '<p>The vpn drops every hour</p>', 'The vpn drops"
                            + " every hour', 'EMAIL', 1 + g % 20000, case when g % 100 < 95 then (select max(id) from"
                            + " ticket_statuses) else (select min(id) from ticket_statuses) end, 'HIGH', array['network'], now()"
                            + " - make_interval(secs => g), now() - make_interval(secs => g) from generate_series(1, "
                            + count
                            + ") g");
            sql.execute("update ticket_number_counter set last_number = (select max(number) from tickets)");
            // as autovacuum leaves a table in use: GIN pending list merged, visibility map set, statistics fresh
            sql.execute("vacuum (analyze) tickets");
        }
    }

    public static void generate(DataSource dataSource, String schema, int count, Shape shape) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            connection.setSchema(schema);
            sql.execute("insert into contacts (name, email) select 'Customer ' || g, 'customer' || g || '@bench.test'"
                    + " from generate_series(1, 20000) g on conflict do nothing");
            String words = "array['printer','toner','invoice','refund','login','password','network','laptop','email',"
                    + "'billing','account','error','crash','slow','screen','keyboard','license','upgrade','install',"
                    + "'backup','server','vpn','wifi','phone','order','delivery','shipping','payment','card','report',"
                    + "'export','import','sync','calendar','meeting','access','permission','mobile','browser','update']";
            int batch = 100_000;
            for (int done = 0; done < count; done += batch) {
                int size = Math.min(batch, count - done);
                sql.execute(
                        "with w as (select " + words + " as a) insert into tickets (number, subject, description_html,"
                                + " description_text, channel, requester_id, status_id, priority, tags, created_at, updated_at)"
                                + " select n, s, '<p>' || d || '</p>', d, (array['EMAIL','WEB','PORTAL','PHONE','API'])[1 +"
                                + " n % 5], 1 + n % 20000, " + shape.statusSql + ","
                                + " (array['CRITICAL','HIGH','MEDIUM','LOW'])[1 + (n / 7) % 4], array[w.a[1 + n % 40]],"
                                + " now() - make_interval(secs => n), now() - make_interval(secs => n) from w, lateral"
                                + " (select g as n, w.a[1 + (random() * 39)::int] || ' ' || w.a[1 + (random() * 39)::int] || ' '"
                                + " || w.a[1 + (random() * 39)::int] as s, w.a[1 + (random() * 39)::int] || ' is not working,"
                                + " please help with my ' || w.a[1 + (random() * 39)::int] || ' and ' || w.a[1 + (random() *"
                                + " 39)::int] as d from generate_series(" + (1_000_001 + done) + ", "
                                + (1_000_000 + done + size)
                                + ") g) gen");
            }
            sql.execute("update ticket_number_counter set last_number = (select max(number) from tickets)");
            // as autovacuum leaves a table in use: GIN pending list merged, visibility map set, statistics fresh
            sql.execute("vacuum (analyze) tickets");
        }
    }
}
