package io.safaridesk.helpdesk.testing;

import io.safaridesk.platform.testing.TestServicesInitializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * API tests against helpdesk-api with two real workspaces side by side, {@code acme} and {@code globex} (fresh ones for
 * each test class), each with a logged-in admin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestServicesInitializer.class)
public abstract class TwoWorkspaceApiTests {

    protected static TestWorkspace acme;
    protected static TestWorkspace globex;
    protected static String acmeAdmin;
    protected static String globexAdmin;

    @Value("${local.server.port}")
    protected int port;

    protected Api api;

    @BeforeAll
    static void twoWorkspacesWithTheirAdmins() {
        acme = TestWorkspaces.provision("acme");
        globex = TestWorkspaces.provision("globex");
        acmeAdmin = acme.token(acme.admin());
        globexAdmin = globex.token(globex.admin());
    }

    @BeforeEach
    void client() {
        api = Api.at(port);
    }
}
