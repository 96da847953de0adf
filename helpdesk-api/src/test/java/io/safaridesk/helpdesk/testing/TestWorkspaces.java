package io.safaridesk.helpdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.infra.stack.CellKeycloaks;
import io.safaridesk.infra.stack.ServiceEndpoints;
import io.safaridesk.infra.stack.TestServices;
import io.safaridesk.platform.tenancy.TenantStatus;
import io.safaridesk.platform.testing.TestServicesInitializer;
import io.safaridesk.provisioning.TenantProvisioningApplication;
import io.safaridesk.provisioning.cell.CellState;
import io.safaridesk.provisioning.cell.RealmCell;
import io.safaridesk.provisioning.cell.RealmCells;
import io.safaridesk.provisioning.domain.Dnsmasq;
import io.safaridesk.provisioning.operator.WorkspaceOperations;
import io.safaridesk.provisioning.signup.SignUp;
import io.safaridesk.provisioning.tenant.Tenant;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.keycloak.admin.client.Keycloak;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real workspaces for helpdesk-api tests: made by the real provisioning saga (tenant-provisioning, started once in
 * this JVM), with users whose password and OTP secret the test knows.
 */
public final class TestWorkspaces {

    public static final String PASSWORD = "Correct-Horse-9";
    private static ConfigurableApplicationContext provisioning;
    private static Dnsmasq dns;
    private static final Map<String, Keycloak> keycloakAdmins = new java.util.concurrent.ConcurrentHashMap<>();
    private static String secondCell;

    private TestWorkspaces() {}

    /** The tenant-provisioning service, running in this JVM on a free port. */
    public static synchronized ConfigurableApplicationContext provisioning() {
        if (provisioning == null) {
            dns = Dnsmasq.start(Dnsmasq.txtRecord("_safaridesk-challenge.nothing-yet.test", "none"));
            Runtime.getRuntime().addShutdownHook(new Thread(dns::close));
            Map<String, Object> overrides = Map.of(
                    "spring.application.name", "tenant-provisioning",
                    "server.port", "0",
                    "safaridesk.domain-verification.allow-test-domains", "true",
                    "safaridesk.domain-verification.dns-resolver", dns.hostAndPort());
            provisioning = new SpringApplicationBuilder(TenantProvisioningApplication.class, OpenProvisioningApi.class)
                    // read before any initializer runs; the overrides below then win over the files
                    .properties("spring.config.import=classpath:tenant-provisioning.yml")
                    .initializers(
                            new TestServicesInitializer(),
                            context -> context.getEnvironment()
                                    .getPropertySources()
                                    .addFirst(new MapPropertySource("provisioning-in-tests", overrides)))
                    .run();
            Runtime.getRuntime().addShutdownHook(new Thread(provisioning::close));
        }
        return provisioning;
    }

    /** The DNS server that the provisioning service asks when it verifies a domain. */
    public static synchronized Dnsmasq dns() {
        provisioning();
        return dns;
    }

    /** Where the provisioning service's HTTP API listens. */
    public static int provisioningPort() {
        return Integer.parseInt(provisioning().getEnvironment().getProperty("local.server.port"));
    }

    public static WorkspaceOperations operations() {
        return provisioning().getBean(WorkspaceOperations.class);
    }

    /** A new active workspace named {@code <prefix>-<random>}, provisioned as an operator does it. */
    public static TestWorkspace provision(String prefix) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Tenant tenant = operations()
                .provision(
                        new SignUp.Registration(
                                "Business " + slug,
                                slug,
                                slug + ".test",
                                "Ada Admin",
                                "admin@" + slug + ".test",
                                PASSWORD),
                        true,
                        Duration.ofMinutes(2));
        assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
        return workspace(tenant.slug().value());
    }

    /** A workspace that exists already, e.g. one made through sign-up, with the admin client of its realm cell. */
    public static TestWorkspace workspace(String slug) {
        Tenant tenant = operations().show(io.safaridesk.platform.tenancy.TenantSlug.of(slug));
        return new TestWorkspace(
                tenant.slug(), tenant.issuer(), tenant.adminEmail(), keycloakAdmin(tenant.keycloakUrl()));
    }

    public static RealmCells cells() {
        return provisioning().getBean(RealmCells.class);
    }

    /**
     * A second realm cell: the second Keycloak of this JVM ({@link CellKeycloaks#TEST_CELL}), registered once with capacity 1
     * and its database (so that workspaces can move out of it). Cells left registered by earlier runs on the same
     * database are drained, so that placement only sees {@code default} and this one.
     */
    public static synchronized String secondCell() {
        if (secondCell == null) {
            CellKeycloaks.Cell cell = CellKeycloaks.start(CellKeycloaks.TEST_CELL);
            String prefix = "SAFARIDESK_TEST_CELL2_DB";
            provisioning()
                    .getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("second-cell-database", cell.databaseVariables(prefix)));
            String url = cell.keycloak().url().toString();
            for (RealmCell stale : cells().list()) {
                if (!stale.name().equals(RealmCell.DEFAULT) && stale.state() != CellState.DRAINING) {
                    cells().drain(stale.name());
                }
                if (stale.baseUrl().toString().equals(url)) {
                    // an earlier run's cell on the same port: park its URL so that the new cell can take it
                    provisioning()
                            .getBean(JdbcClient.class)
                            .sql(
                                    "update platform.realm_cells set base_url = base_url || '/gone-' || name where name = ?")
                            .param(stale.name())
                            .update();
                }
            }
            secondCell = "cell2-" + UUID.randomUUID().toString().substring(0, 6);
            cells().add(new RealmCells.NewCell(secondCell, cell.keycloak().url(), null, null, "env:" + prefix, 1));
        }
        return secondCell;
    }

    static Keycloak keycloakAdmin(String url) {
        return keycloakAdmins.computeIfAbsent(url.replaceAll("/+$", ""), base -> {
            ServiceEndpoints.Keycloak keycloak = TestServices.endpoints().keycloak();
            return Keycloak.getInstance(base, "master", keycloak.adminUser(), keycloak.adminPassword(), "admin-cli");
        });
    }
}
