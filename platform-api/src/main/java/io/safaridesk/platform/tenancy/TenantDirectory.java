package io.safaridesk.platform.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Read side of the tenant registry ({@code platform.tenants}) for request routing: which workspace a token issuer
 * belongs to, and whether it is served. Answers are cached briefly, so a suspension takes effect within {@link #TTL}.
 */
public final class TenantDirectory {

    /** How long an answer is reused. */
    public static final Duration TTL = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Cached> byIssuer = new ConcurrentHashMap<>();

    public TenantDirectory(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /** A workspace as routing sees it. */
    public record Entry(TenantSlug slug, TenantStatus status, String issuer) {
        public boolean isActive() {
            return status == TenantStatus.ACTIVE;
        }
    }

    /** The workspace whose realm issues tokens with exactly this {@code iss}, if any. */
    public Optional<Entry> findByIssuer(String issuer) {
        Instant now = clock.instant();
        Cached cached = byIssuer.get(issuer);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.entry();
        }
        Optional<Entry> entry = jdbc.sql("select slug, status, issuer from platform.tenants where issuer = ?"
                        + " and status <> 'DEPROVISIONED'")
                .param(issuer)
                .query((rs, row) -> new Entry(
                        TenantSlug.of(rs.getString("slug")),
                        TenantStatus.valueOf(rs.getString("status")),
                        rs.getString("issuer")))
                .optional();
        byIssuer.put(issuer, new Cached(entry, now.plus(TTL)));
        return entry;
    }

    /** The workspace with this slug, if it is served now (status ACTIVE); uncached. */
    public Optional<Entry> findActive(TenantSlug slug) {
        return jdbc.sql("select slug, status, issuer from platform.tenants where slug = ? and status = 'ACTIVE'")
                .param(slug.value())
                .query((rs, row) -> new Entry(
                        TenantSlug.of(rs.getString("slug")),
                        TenantStatus.valueOf(rs.getString("status")),
                        rs.getString("issuer")))
                .optional();
    }

    /** The workspaces that are served now (status ACTIVE), uncached, in slug order. */
    public List<TenantSlug> activeSlugs() {
        return jdbc.sql("select slug from platform.tenants where status = 'ACTIVE' order by slug")
                .query((rs, row) -> TenantSlug.of(rs.getString("slug")))
                .list();
    }

    private record Cached(Optional<Entry> entry, Instant until) {}
}
