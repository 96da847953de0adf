package io.safaridesk.platform.tenancy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Read side of the tenant registry ({@code platform.tenants}) for request routing: which workspace a token issuer
 * belongs to, whether it is served, and where its realm cell publishes the realm's keys. An issuer names a workspace
 * only if it is exactly the one recorded for it and lies under the base URL of the realm cell recorded for it. Answers
 * are cached briefly, so a suspension or a move takes effect within {@link #TTL}.
 */
public final class TenantDirectory {

    private static final Logger log = LoggerFactory.getLogger(TenantDirectory.class);

    /** How long an answer is reused. */
    public static final Duration TTL = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Cached> byIssuer = new ConcurrentHashMap<>();

    public TenantDirectory(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /**
     * A workspace as routing sees it.
     *
     * @param jwkSetUri where its realm's signing keys are fetched (through its cell's internal URL)
     * @param moving whether its realm is being moved to another cell: the workspace is read-only meanwhile
     */
    public record Entry(TenantSlug slug, TenantStatus status, String issuer, String jwkSetUri, boolean moving) {
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
        Optional<Entry> entry = select("t.issuer = ? and t.status <> 'DEPROVISIONED'", issuer);
        byIssuer.put(issuer, new Cached(entry, now.plus(TTL)));
        return entry;
    }

    /** The workspace with this slug, if it is served now (status ACTIVE); uncached. */
    public Optional<Entry> findActive(TenantSlug slug) {
        return select("t.slug = ? and t.status = 'ACTIVE'", slug.value());
    }

    private Optional<Entry> select(String condition, String parameter) {
        return jdbc.sql("select t.slug, t.status, t.issuer, t.moving_to, c.base_url, c.internal_url from"
                        + " platform.tenants t left join platform.realm_cells c on c.name = t.cell where " + condition)
                .param(parameter)
                .query((rs, row) -> entry(
                        TenantSlug.of(rs.getString("slug")),
                        TenantStatus.valueOf(rs.getString("status")),
                        rs.getString("issuer"),
                        rs.getString("base_url"),
                        rs.getString("internal_url"),
                        rs.getString("moving_to") != null))
                .optional()
                .flatMap(found -> found);
    }

    /**
     * Where a workspace's realm is administered: its cell's internal URL and the reference to the cell's admin
     * credentials ({@code default}, or {@code env:<PREFIX>}); empty when no cell is recorded (the default Keycloak).
     */
    public record CellAccess(URI adminUrl, String adminCredentials) {}

    /** The cell that holds the workspace's realm now; uncached, so that a move is seen at once. */
    public Optional<CellAccess> cellOf(TenantSlug slug) {
        return jdbc.sql("select coalesce(c.internal_url, c.base_url) as url, c.admin_credentials from"
                        + " platform.tenants t join platform.realm_cells c on c.name = t.cell where t.slug = ?")
                .param(slug.value())
                .query((rs, row) -> new CellAccess(URI.create(rs.getString("url")), rs.getString("admin_credentials")))
                .optional();
    }

    /** The workspaces that are served now (status ACTIVE), uncached, in slug order. */
    public List<TenantSlug> activeSlugs() {
        return jdbc.sql("select slug from platform.tenants where status = 'ACTIVE' order by slug")
                .query((rs, row) -> TenantSlug.of(rs.getString("slug")))
                .list();
    }

    /**
     * Runs {@code work} inside the context of each active workspace in turn (a scheduled sweep); a workspace whose
     * work fails is logged and does not stop the others, and the next run tries it again.
     */
    public void forEachActive(String task, Consumer<TenantSlug> work) {
        for (TenantSlug workspace : activeSlugs()) {
            try {
                TenantContext.runAs(workspace, () -> work.accept(workspace));
            } catch (RuntimeException e) {
                log.error("{} of {} failed; the next run tries again", task, workspace, e);
            }
        }
    }

    /**
     * The entry, unless the recorded issuer is not the realm's issuer in the recorded cell (a stale issuer after a
     * move). A workspace with no cell recorded (made before cells, not yet bootstrapped) keeps its recorded issuer.
     */
    private static Optional<Entry> entry(
            TenantSlug slug,
            TenantStatus status,
            String issuer,
            String cellBaseUrl,
            String cellInternalUrl,
            boolean moving) {
        String realmPath = "/realms/" + slug.realmName();
        if (cellBaseUrl != null && !issuer.equals(cellBaseUrl + realmPath)) {
            return Optional.empty();
        }
        String keysBase = cellInternalUrl != null ? cellInternalUrl + realmPath : issuer;
        return Optional.of(new Entry(slug, status, issuer, keysBase + "/protocol/openid-connect/certs", moving));
    }

    private record Cached(Optional<Entry> entry, Instant until) {}
}
