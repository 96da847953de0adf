package io.safaridesk.helpdesk.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TestWorkspaces;
import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.platform.testing.TestServicesInitializer;
import io.safaridesk.provisioning.cell.CellState;
import io.safaridesk.provisioning.cell.RealmCell;
import io.safaridesk.provisioning.operator.WorkspaceOperations;
import io.safaridesk.provisioning.realm.RealmSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ContextConfiguration;

/**
 * Two realm cells (the test JVM's Keycloak as {@code default}, and a second Keycloak started for this class): where
 * provisioning places workspaces, which tokens helpdesk-api accepts, and moving a workspace between them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestServicesInitializer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealmCellsIntegrationTests {

    private static String second;
    private static TestWorkspace inSecond;
    private static TestWorkspace inDefault;

    @Value("${local.server.port}")
    int port;

    Api api;

    @BeforeAll
    static void twoCells() {
        second = TestWorkspaces.secondCell();
        RealmCell defaultCell = TestWorkspaces.cells().get(RealmCell.DEFAULT);
        if (defaultCell.state() == CellState.DRAINING) {
            TestWorkspaces.cells().open(RealmCell.DEFAULT);
        }
        TestWorkspaces.cells()
                .update(RealmCell.DEFAULT, Math.max(defaultCell.capacity(), defaultCell.workspaces() + 20), null);
    }

    /** The other test classes of this JVM place their workspaces in the default cell again. */
    @AfterAll
    static void secondCellTakesNoMoreWorkspaces() {
        TestWorkspaces.cells().drain(second);
    }

    @BeforeEach
    void client() {
        api = Api.at(port);
    }

    @Test
    @Order(1)
    void workspacesLandInBothCellsByCapacity() {
        TestWorkspace first = TestWorkspaces.provision("cella");
        TestWorkspace next = TestWorkspaces.provision("cellb");

        List<String> cells = List.of(cellOf(first), cellOf(next));
        assertThat(cells).containsExactlyInAnyOrder(RealmCell.DEFAULT, second);
        inSecond = cellOf(first).equals(second) ? first : next;
        inDefault = inSecond == first ? next : first;
        assertThat(inSecond.issuer())
                .startsWith(TestWorkspaces.cells().get(second).baseUrl() + "/realms/");
        assertThat(TestWorkspaces.cells().get(second).state())
                .as("capacity 1, taken")
                .isEqualTo(CellState.FULL);
    }

    @Test
    @Order(2)
    void anAgentOfEachCellLogsInAndIsServed() {
        for (TestWorkspace workspace : List.of(inSecond, inDefault)) {
            String agent = workspace.token(workspace.addUser("agent"));

            Api.Reply me = api.get("/api/v1/me", agent);
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.text("workspace")).isEqualTo(workspace.slug().value());
            assertThat(api.get("/api/v1/departments", agent).status()).isEqualTo(200);
        }
    }

    @Test
    @Order(3)
    void aTokenThatAnotherCellMintsForTheWorkspaceIsRefused() {
        // an impostor realm of the same name in the default cell, which does not hold this workspace
        String realm = inSecond.slug().realmName();
        TestWorkspaces.cells().realms(RealmCell.DEFAULT).ensureRealm(new RealmSpec(realm, "Impostor"));
        try {
            TestWorkspace impostor = new TestWorkspace(
                    inSecond.slug(),
                    TestWorkspaces.cells().get(RealmCell.DEFAULT).issuerOf(inSecond.slug()),
                    inSecond.adminEmail(),
                    TestWorkspaces.workspace(inDefault.slug().value()).keycloak());
            String minted = impostor.token(impostor.addUser("customer"));

            Api.Reply refused = api.get("/api/v1/me", minted);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(api.get("/api/v1/me", inSecond.token(inSecond.addUser("customer")))
                            .status())
                    .isEqualTo(200);
        } finally {
            TestWorkspaces.cells().realms(RealmCell.DEFAULT).deleteRealm(realm);
        }
    }

    @Test
    @Order(4)
    void drainingACellSendsNewWorkspacesElsewhere() {
        TestWorkspaces.cells().update(second, 50, null);
        TestWorkspaces.cells().drain(second);
        try {
            TestWorkspace placed = TestWorkspaces.provision("celld");

            assertThat(cellOf(placed)).isEqualTo(RealmCell.DEFAULT);
            assertThat(TestWorkspaces.cells().get(second).state()).isEqualTo(CellState.DRAINING);
        } finally {
            TestWorkspaces.cells().open(second);
        }
    }

    @Test
    @Order(5)
    void movingAWorkspaceKeepsItsUsersLoggingInWithPasswordAndOtp() {
        TestWorkspace.User agent = inSecond.addUser("agent");
        String before = inSecond.token(agent);
        String userId = api.get("/api/v1/me", before).text("user_id");
        long department = api.send(
                        HttpMethod.POST,
                        "/api/v1/departments",
                        inSecond.token(inSecond.admin()),
                        Map.of("name", "Before The Move"))
                .body()
                .get("id")
                .asLong();

        WorkspaceOperations.MoveResult moved =
                TestWorkspaces.operations().move(TenantSlug.of(inSecond.slug().value()), RealmCell.DEFAULT);

        assertThat(moved.from()).isEqualTo(second);
        assertThat(moved.credentials()).isGreaterThanOrEqualTo(4);
        TestWorkspace after = TestWorkspaces.workspace(inSecond.slug().value());
        assertThat(after.issuer())
                .isEqualTo(TestWorkspaces.cells().get(RealmCell.DEFAULT).issuerOf(after.slug()));
        String token = after.token(agent); // the same password and OTP secret, now at the default cell
        Api.Reply me = api.get("/api/v1/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("user_id")).as("same user id").isEqualTo(userId);
        assertThat(api.get("/api/v1/departments/" + department, token).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(api.get("/api/v1/me", before).status())
                        .as("a token of the old cell")
                        .isEqualTo(401));
    }

    private static String cellOf(TestWorkspace workspace) {
        return TestWorkspaces.operations().show(workspace.slug()).cell();
    }
}
