package io.safaridesk.helpdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TestWorkspaces;
import io.safaridesk.infra.stack.TestServices;
import io.safaridesk.platform.tenancy.TenantStatus;
import io.safaridesk.platform.testing.RawHttp;
import io.safaridesk.platform.testing.TcpProxy;
import io.safaridesk.platform.testing.TestHttp;
import io.safaridesk.platform.testing.TestServicesInitializer;
import io.safaridesk.platform.testing.Totp;
import io.safaridesk.provisioning.signup.SignUp;
import io.safaridesk.provisioning.tenant.Tenant;
import io.safaridesk.provisioning.tenant.TenantRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A workspace whose realm cell's Keycloak stops for a minute: helpdesk-api goes on serving tokens whose keys it holds,
 * and logins answer a plain 503 at once. The cell is the test JVM's Keycloak behind a {@link TcpProxy}, registered
 * draining so that no other workspace is placed in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestServicesInitializer.class)
class KeycloakOutageIntegrationTests {

    private static final Duration OUTAGE = Duration.ofMinutes(1);

    private static TcpProxy proxy;
    private static String cell;
    private static TestWorkspace workspace;

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void aWorkspaceInACellBehindAProxy() {
        URI keycloak = TestServices.endpoints().keycloak().url();
        proxy = TcpProxy.to(keycloak);
        URI url = proxy.url(keycloak);
        cell = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        var provisioning = TestWorkspaces.provisioning();
        provisioning
                .getBean(JdbcClient.class)
                .sql("insert into platform.realm_cells (name, base_url, internal_url, admin_credentials, capacity,"
                        + " state) values (?, ?, ?, 'default', 1, 'DRAINING')")
                .params(cell, url.toString(), url.toString())
                .update();
        String slug = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        Tenant tenant = provisioning
                .getBean(SignUp.class)
                .registerByOperator(
                        new SignUp.Registration(
                                "Outage " + slug,
                                slug,
                                slug + ".test",
                                "Ada Admin",
                                "admin@" + slug + ".test",
                                TestWorkspaces.PASSWORD),
                        true);
        TenantRegistry tenants = provisioning.getBean(TenantRegistry.class);
        provisioning.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
            Tenant placed = tenants.findById(tenant.id()).orElseThrow();
            placed.placeIn(cell, url.toString());
            tenants.save(placed);
        });
        Tenant active = TestWorkspaces.operations().resumeProvisioning(tenant.slug(), Duration.ofMinutes(3));
        assertThat(active.status()).isEqualTo(TenantStatus.ACTIVE);
        workspace = TestWorkspaces.workspace(slug);
    }

    @AfterAll
    static void removeIt() {
        proxy.heal();
        TestWorkspaces.operations().deprovision(workspace.slug());
        TestWorkspaces.cells().remove(cell);
        proxy.close();
    }

    @Test
    void requestsWithCachedKeysGoOnAndLoginsAnswer503WhileKeycloakIsStopped() throws Exception {
        Api api = Api.at(port);
        TestWorkspace.User admin = workspace.admin();
        String token = workspace.token(admin);
        assertThat(api.get("/api/v1/webhooks", token).status()).isEqualTo(200); // the realm's keys are fetched now

        proxy.stop();
        Instant until = Instant.now().plus(OUTAGE);
        int requests = 0;
        long slowestLogin = 0;
        while (Instant.now().isBefore(until)) {
            assertThat(api.get("/api/v1/webhooks", token).status())
                    .as("a token whose keys are cached, %d s into the outage", requests * 5)
                    .isEqualTo(200);

            long started = System.nanoTime();
            RawHttp.Response login = login(admin);
            slowestLogin = Math.max(slowestLogin, (System.nanoTime() - started) / 1_000_000);
            assertThat(login.status()).as(login.body()).isEqualTo(503);
            assertThat(login.isProblem()).isTrue();
            assertThat(login.body())
                    .contains("\"type\":\"https://safaridesk.io/problems/login-unavailable\"")
                    .contains("the sign-in service does not answer");
            assertThat(login.headers()).containsEntry("retry-after", "60");
            requests++;
            Thread.sleep(5_000);
        }
        System.out.printf(
                "Keycloak stopped for %d s: %d requests with a cached key answered 200; logins 503, slowest in %d ms%n",
                OUTAGE.toSeconds(), requests, slowestLogin);
        assertThat(slowestLogin).isLessThan(5_000);

        proxy.heal();
        assertThat(login(admin).status())
                .as("logins work again once Keycloak is back")
                .isEqualTo(200);
    }

    private RawHttp.Response login(TestWorkspace.User user) {
        String body = "{\"workspace\":\"" + workspace.slug() + "\",\"email\":\"" + user.username()
                + "\",\"password\":\"" + user.password() + "\",\"otp\":\"" + Totp.now(user.otpSecret()) + "\"}";
        return RawHttp.send(
                TestWorkspaces.provisioningPort(),
                "POST /api/v1/auth/login HTTP/1.1\r\nContent-Type: application/json\r\nX-Forwarded-For: "
                        + TestHttp.freshClientAddress(),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
