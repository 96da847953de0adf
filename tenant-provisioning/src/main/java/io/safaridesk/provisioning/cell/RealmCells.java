package io.safaridesk.provisioning.cell;

import io.safaridesk.provisioning.realm.KeycloakClients;
import io.safaridesk.provisioning.realm.KeycloakEndpoint;
import io.safaridesk.provisioning.realm.KeycloakLogin;
import io.safaridesk.provisioning.realm.RealmCopier;
import io.safaridesk.provisioning.realm.RealmProvisioner;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The realm cells ({@code platform.realm_cells}): what operators register, where provisioning places new realms (the
 * least loaded open cell with room that answers), and the Keycloak clients of each cell, made once and reused.
 *
 * <p>An install with no cell registered gets the configured Keycloak ({@code SAFARIDESK_KEYCLOAK_URL}) as cell
 * {@code default} at start-up, holding every workspace made before cells existed.
 */
@Component
public class RealmCells {

    /** How long a cell that did not answer is passed over by placement (in this process). */
    static final Duration DOWN_FOR = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(RealmCells.class);
    private static final String SELECT = "select c.name, c.base_url, c.internal_url, c.admin_credentials,"
            + " c.database_ref, c.capacity, c.state, (select count(*) from platform.tenants t where (t.cell = c.name"
            + " or t.moving_to = c.name) and t.status <> 'DEPROVISIONED') as workspaces from platform.realm_cells c";

    private final JdbcClient jdbc;
    private final KeycloakClients clients;
    private final KeycloakEndpoint defaultKeycloak;
    private final Environment environment;
    private final Clock clock;
    private final int defaultCapacity;
    private final String defaultPublicUrl;
    private final Map<String, Instant> downUntil = new ConcurrentHashMap<>();

    RealmCells(
            JdbcClient jdbc,
            KeycloakClients clients,
            KeycloakEndpoint defaultKeycloak,
            Environment environment,
            Clock clock,
            @Value("${safaridesk.cells.default-capacity:150}") int defaultCapacity,
            @Value("${safaridesk.keycloak.public-url:}") String defaultPublicUrl) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.defaultKeycloak = defaultKeycloak;
        this.environment = environment;
        this.clock = clock;
        this.defaultCapacity = defaultCapacity;
        this.defaultPublicUrl = defaultPublicUrl;
    }

    /** A cell an operator registers. */
    public record NewCell(
            String name, URI baseUrl, URI internalUrl, String adminCredentials, String databaseRef, Integer capacity) {}

    /**
     * Registers the configured Keycloak as cell {@code default} when no cell exists, and gives it the old workspaces.
     * Behind a front door its issuers carry the public URL ({@code SAFARIDESK_KEYCLOAK_PUBLIC_URL}), while the services
     * reach it at {@code SAFARIDESK_KEYCLOAK_URL}.
     */
    @EventListener(ApplicationStartedEvent.class)
    @Transactional
    public void bootstrap() {
        String url = RealmCell.url("url", defaultKeycloak.url()).toString();
        String baseUrl = defaultPublicUrl.isBlank()
                ? url
                : RealmCell.url("public-url", URI.create(defaultPublicUrl.strip()))
                        .toString();
        int added = jdbc.sql("insert into platform.realm_cells (name, base_url, internal_url, admin_credentials,"
                        + " capacity) select ?, ?, ?, ?, ? where not exists (select 1 from platform.realm_cells)")
                .params(RealmCell.DEFAULT, baseUrl, url, RealmCell.SAME_AS_DEFAULT, defaultCapacity)
                .update();
        if (added > 0) {
            log.info("Registered the configured Keycloak {} ({}) as realm cell '{}'", baseUrl, url, RealmCell.DEFAULT);
        }
        // workspaces whose realm was made before cells existed live in the Keycloak they name
        int assigned = jdbc.sql(
                        "update platform.tenants t set cell = c.name from platform.realm_cells c where t.cell is"
                                + " null and rtrim(t.keycloak_url, '/') = c.base_url and (t.issuer is not null or exists"
                                + " (select 1 from platform.provisioning_steps s where s.tenant_id = t.id and s.step ="
                                + " 'CREATE_REALM'))")
                .update();
        if (assigned > 0) {
            log.info("Recorded the realm cell of {} workspace(s) made before realm cells", assigned);
        }
    }

    public RealmCell add(NewCell cell) {
        RealmCell valid = new RealmCell(
                cell.name(),
                cell.baseUrl(),
                cell.internalUrl() == null ? cell.baseUrl() : cell.internalUrl(),
                cell.adminCredentials() == null ? RealmCell.SAME_AS_DEFAULT : cell.adminCredentials(),
                cell.databaseRef(),
                cell.capacity() == null ? defaultCapacity : cell.capacity(),
                CellState.OPEN,
                0);
        int added = jdbc.sql("insert into platform.realm_cells (name, base_url, internal_url, admin_credentials,"
                        + " database_ref, capacity) values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(
                        valid.name(),
                        valid.baseUrl().toString(),
                        valid.internalUrl().toString(),
                        valid.adminCredentials(),
                        valid.databaseRef(),
                        valid.capacity())
                .update();
        if (added == 0) {
            throw CellConflict.exists(valid.name());
        }
        log.info("Registered realm cell {} at {}", valid.name(), valid.baseUrl());
        return get(valid.name());
    }

    public List<RealmCell> list() {
        return jdbc.sql(SELECT + " order by c.name").query(RealmCells::map).list();
    }

    public RealmCell get(String name) {
        return find(name).orElseThrow(() -> CellNotFound.named(name));
    }

    public Optional<RealmCell> find(String name) {
        return jdbc.sql(SELECT + " where c.name = ?")
                .param(RealmCell.requireName(name))
                .query(RealmCells::map)
                .optional();
    }

    /** Stops placing new workspaces in the cell; its workspaces stay until they are moved. */
    public RealmCell drain(String name) {
        setState(name, "'DRAINING'");
        return get(name);
    }

    /** Places new workspaces in a drained cell again (as long as it has room). */
    public RealmCell open(String name) {
        setState(name, "'OPEN'");
        refreshStates();
        return get(name);
    }

    /** Changes how many workspaces the cell takes, and/or its database reference (null leaves either as it is). */
    public RealmCell update(String name, Integer capacity, String databaseRef) {
        RealmCell cell = get(name);
        RealmCell changed = new RealmCell(
                cell.name(),
                cell.baseUrl(),
                cell.internalUrl(),
                cell.adminCredentials(),
                databaseRef == null ? cell.databaseRef() : databaseRef,
                capacity == null ? cell.capacity() : capacity,
                cell.state(),
                cell.workspaces());
        jdbc.sql("update platform.realm_cells set capacity = ?, database_ref = ?, updated_at = now() where name = ?")
                .params(changed.capacity(), changed.databaseRef(), name)
                .update();
        refreshStates();
        return get(name);
    }

    /** Forgets an empty cell (no live workspace in it or moving to it). */
    @Transactional
    public void remove(String name) {
        RealmCell cell = get(name);
        if (cell.workspaces() > 0) {
            throw CellConflict.notEmpty(name, cell.workspaces());
        }
        jdbc.sql("update platform.tenants set cell = null where cell = ? and status = 'DEPROVISIONED'")
                .param(name)
                .update();
        jdbc.sql("delete from platform.realm_cells where name = ?").param(name).update();
        log.info("Removed realm cell {}", name);
    }

    /**
     * The least loaded cell that takes a new workspace now: open, with room, and not found unreachable lately. Must run
     * in the transaction that records the placement: it locks the cells, so that concurrent placements count each
     * other.
     *
     * @throws NoCellAvailable when no cell can take it (provisioning waits)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public RealmCell choose() {
        List<RealmCell> cells = jdbc.sql(SELECT + " where c.state <> 'DRAINING' for update of c")
                .query(RealmCells::map)
                .list();
        Instant now = clock.instant();
        return cells.stream()
                .filter(RealmCell::hasRoom)
                .filter(cell ->
                        !downUntil.getOrDefault(cell.name(), Instant.MIN).isAfter(now))
                .min(Comparator.comparingInt(RealmCell::workspaces).thenComparing(RealmCell::name))
                .orElseThrow(() -> NoCellAvailable.now(cells.size()));
    }

    /** A cell that did not answer: placement passes it over for a while. */
    public void unreachable(String name) {
        log.warn("Realm cell {} is unreachable; placing new workspaces elsewhere for {} s", name, DOWN_FOR.toSeconds());
        downUntil.put(name, clock.instant().plus(DOWN_FOR));
    }

    /** Marks full cells FULL and cells with room OPEN again (drained cells stay DRAINING). */
    public void refreshStates() {
        jdbc.sql("update platform.realm_cells c set state = case when (select count(*) from platform.tenants t where"
                        + " (t.cell = c.name or t.moving_to = c.name) and t.status <> 'DEPROVISIONED') >= c.capacity"
                        + " then 'FULL' else 'OPEN' end, updated_at = now() where c.state <> 'DRAINING'")
                .update();
    }

    /** Creates, suspends and removes realms in the cell. */
    public RealmProvisioner realms(String cell) {
        return clients.provisioner(endpoint(get(cell)));
    }

    /** Logs users in to realms of the cell. */
    public KeycloakLogin login(String cell) {
        return clients.login(endpoint(get(cell)));
    }

    /** Copies realms out of and into the cell's Keycloak. */
    public RealmCopier copier(String cell) {
        return clients.copier(endpoint(get(cell)));
    }

    /**
     * The credentials, secrets included, of realm {@code realm}'s users in cell {@code cell}, read from the cell's
     * Keycloak database (its {@code --database} reference).
     */
    public Map<String, List<CredentialRepresentation>> credentials(String cell, String realm) {
        RealmCell source = get(cell);
        if (source.databaseRef() == null) {
            throw CellConflict.noDatabase(cell);
        }
        return new KeycloakDatabase(
                        resolve(source.databaseRef(), "URL"),
                        resolve(source.databaseRef(), "USER"),
                        resolve(source.databaseRef(), "PASSWORD"))
                .credentials(realm);
    }

    /** How the services reach the cell's Keycloak, with its admin credentials resolved from their reference. */
    public KeycloakEndpoint endpoint(RealmCell cell) {
        if (RealmCell.SAME_AS_DEFAULT.equals(cell.adminCredentials())) {
            return new KeycloakEndpoint(
                    cell.internalUrl(), defaultKeycloak.adminUser(), defaultKeycloak.adminPassword());
        }
        String prefix = cell.adminCredentials().substring("env:".length());
        return new KeycloakEndpoint(cell.internalUrl(), required(prefix + "_USER"), required(prefix + "_PASSWORD"));
    }

    /** Resolves a {@code env:<PREFIX>} reference's {@code <PREFIX>_<suffix>} (environment or configuration). */
    public String resolve(String reference, String suffix) {
        if (!RealmCell.isReference(reference)) {
            throw new IllegalArgumentException("Not an env:<PREFIX> reference: " + reference);
        }
        return environment.getProperty(reference.substring("env:".length()) + "_" + suffix, "");
    }

    private String required(String variable) {
        String value = environment.getProperty(variable);
        if (value == null) {
            throw new IllegalStateException("Variable " + variable + " (a realm cell's admin credentials) is not set");
        }
        return value;
    }

    private void setState(String name, String state) {
        int updated = jdbc.sql(
                        "update platform.realm_cells set state = " + state + ", updated_at = now() where name = ?")
                .param(RealmCell.requireName(name))
                .update();
        if (updated == 0) {
            throw CellNotFound.named(name);
        }
    }

    private static RealmCell map(ResultSet rs, int row) throws SQLException {
        return new RealmCell(
                rs.getString("name"),
                URI.create(rs.getString("base_url")),
                URI.create(rs.getString("internal_url")),
                rs.getString("admin_credentials"),
                rs.getString("database_ref"),
                rs.getInt("capacity"),
                CellState.valueOf(rs.getString("state")),
                rs.getInt("workspaces"));
    }
}
