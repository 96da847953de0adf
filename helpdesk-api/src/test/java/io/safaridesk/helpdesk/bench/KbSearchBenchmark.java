package io.safaridesk.helpdesk.bench;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TestWorkspaces;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Knowledge base search at scale, in one workspace: generates N articles with SQL (titles, excerpts, tags and bodies
 * of 80-160 words, 30% from a support vocabulary and 70% from a long tail, so a support word is in about 10% of the
 * bodies; 90% published, 80% of those public; 10%
 * French, 5% Swahili), then measures the search endpoint through the API (p50, p95 at page size 25) for a common word,
 * a two-word query, a type-ahead prefix, a filtered query and the anonymous portal. Run by
 * {@code infra/bench/kb-search.sh}; not a test.
 *
 * <p>Arguments: {@code <articles to generate> <measured requests per query>}.
 */
public final class KbSearchBenchmark {

    private static final List<String> QUERIES =
            List.of("billing", "reset password", "how to configure the vpn", "passw", "invoice refund&tag=billing");

    private static final String WORDS = "printer toner invoice refund login password network laptop email billing"
            + " account error crash slow screen keyboard license upgrade install backup server vpn wifi phone order"
            + " delivery shipping payment card report export import sync calendar meeting access permission mobile"
            + " browser update reset configure settings profile security two factor authentication token session"
            + " timeout cache cookie download upload attachment file folder share link team member role admin agent"
            + " customer ticket reply note status priority department category workflow automation rule trigger"
            + " notification alert reminder schedule holiday business hours escalation response resolution survey"
            + " feedback rating knowledge article search filter tag label integration api webhook key limit quota plan"
            + " subscription trial discount coupon tax receipt statement currency bank transfer wallet balance credit"
            + " debit charge fee dispute chargeback fraud verification identity document address country language"
            + " translation time zone date format number display theme dark light font size accessibility keyboard"
            + " shortcut mouse touch gesture camera microphone speaker headset video call chat message channel inbox"
            + " spam filter block unblock archive delete restore recover history audit log export csv pdf print page"
            + " layout template signature greeting macro snippet canned answer draft publish review approve reject";

    private KbSearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        TestWorkspace workspace = TestWorkspaces.provision("kbbench");
        TestWorkspace.User admin = workspace.admin();
        try (ConfigurableApplicationContext api = TicketBenchmark.helpdeskApi()) {
            Api client = Api.at(Integer.parseInt(api.getEnvironment().getProperty("local.server.port")));
            long started = System.nanoTime();
            generate(api.getBean(DataSource.class), workspace.slug().schemaName(), articles);
            System.out.printf(
                    "generated %,d articles in %d s%n",
                    articles, Duration.ofNanos(System.nanoTime() - started).toSeconds());
            long lastLogin = 0;
            for (String query : QUERIES) {
                // a fresh token for each query (tokens live five minutes); Keycloak takes each OTP code once, so
                // logins are a TOTP period apart
                Thread.sleep(Math.max(0, lastLogin + 31_000 - System.currentTimeMillis()));
                String token = workspace.token(admin);
                lastLogin = System.currentTimeMillis();
                report("staff", client, "/api/v1/kb/articles/search?limit=25&q=" + encoded(query), token, requests);
            }
            for (String query : List.of("billing", "reset password")) {
                report(
                        "portal",
                        client,
                        "/api/v1/portal/" + workspace.slug() + "/kb/articles/search?limit=25&q=" + encoded(query),
                        null,
                        requests);
            }
        }
        System.exit(0);
    }

    private static String encoded(String query) {
        int filters = query.indexOf('&');
        return filters < 0
                ? URLEncoder.encode(query, StandardCharsets.UTF_8)
                : URLEncoder.encode(query.substring(0, filters), StandardCharsets.UTF_8) + query.substring(filters);
    }

    private static void generate(DataSource dataSource, String schema, int count) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            connection.setSchema(schema);
            String words = "string_to_array('" + WORDS + "', ' ')";
            // titles and tags from the support vocabulary; bodies 30% from it, 70% from a long tail of 5,000 other
            // words (skewed), so that a support word is in about one body in ten
            String draw = "w.a[1 + floor(array_length(w.a, 1) * random())::int]";
            // tied to the series row s, so that string_agg aggregates at the level of its own sub-query
            String drawEach = "w.a[1 + floor(array_length(w.a, 1) * random())::int + 0 * s]";
            String bodyWord = "case when random() < 0.3 then " + drawEach + " else 'x' || (floor(5000 * power(random(),"
                    + " 1.5))::int + 0 * s) end";
            int batch = 10_000;
            for (int done = 0; done < count; done += batch) {
                int from = done + 1;
                int to = Math.min(count, done + batch);
                sql.execute("with w as (select " + words + " as a) insert into kb_articles (title, slug, excerpt,"
                        + " body_html, body_text, tags, tags_text, language, search_config, status, visibility,"
                        + " author_name, published_at, created_at, updated_at) select initcap(t.title), 'bench-' || g,"
                        + " t.title || ': what to do.', '<p>' || b.body || '</p>', b.body, t.tags, array_to_string(t.tags,"
                        + " ' '), l.language, cast(l.config as regconfig), case when g % 10 = 0 then 'DRAFT' else"
                        + " 'PUBLISHED' end, case when g % 5 = 0 then 'INTERNAL' else 'PUBLIC' end, 'Bench',"
                        + " now() - make_interval(secs => g), now() - make_interval(secs => g), now() -"
                        + " make_interval(secs => g) from w, generate_series(" + from + ", " + to + ") g, lateral"
                        + " (select case when g % 20 = 1 then 'fr' when g % 20 = 2 then 'sw' else 'en' end as language,"
                        + " case when g % 20 = 1 then 'french' when g % 20 = 2 then 'simple' else 'english' end as"
                        + " config) l, lateral (select string_agg(" + drawEach + ", ' ') as title, array[" + draw + ", "
                        + draw + "] as tags from generate_series(1, 3 + g % 4) s where g > 0) t, lateral (select"
                        + " string_agg(" + bodyWord
                        + ", ' ') as body from generate_series(1, 80 + g % 81) s where g > 0)"
                        + " b");
            }
            sql.execute("analyze kb_articles");
        }
    }

    private static void report(String who, Api client, String path, String token, int requests) {
        List<Long> micros = new ArrayList<>();
        int hits = 0;
        for (int i = 0; i < requests + 20; i++) {
            long started = System.nanoTime();
            Api.Reply reply = client.get(path, token);
            long took = (System.nanoTime() - started) / 1000;
            if (reply.status() != 200) {
                throw new IllegalStateException(path + " failed: " + reply.body());
            }
            hits = reply.body().get("items").size();
            if (i >= 20) {
                micros.add(took);
            }
        }
        Collections.sort(micros);
        System.out.printf(
                "%-6s %-70s %2d hits/page  p50 %6.1f ms  p95 %6.1f ms%n",
                who,
                path.replaceAll("^.*search\\?", ""),
                hits,
                TicketBenchmark.percentile(micros, 50) / 1000.0,
                TicketBenchmark.percentile(micros, 95) / 1000.0);
    }
}
