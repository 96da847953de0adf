package io.safaridesk.helpdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TestWorkspaces;
import io.safaridesk.platform.testing.TestServicesInitializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/** Interleaved requests of two workspaces through one pooled connection never see each other's rows. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.hikari.maximum-pool-size=1")
@ContextConfiguration(initializers = TestServicesInitializer.class)
class SharedConnectionPoolIntegrationTests {

    @Value("${local.server.port}")
    int port;

    @Test
    void interleavedRequestsOnAPoolOfOneStayInTheirWorkspace() throws Exception {
        Api api = Api.at(port);
        TestWorkspace acme = TestWorkspaces.provision("pool-acme");
        TestWorkspace globex = TestWorkspaces.provision("pool-globex");
        String acmeToken = acme.token(acme.admin());
        String globexToken = globex.token(globex.admin());
        api.send(HttpMethod.POST, "/api/v1/departments", acmeToken, Map.of("name", "only-acme"));
        api.send(HttpMethod.POST, "/api/v1/departments", globexToken, Map.of("name", "only-globex"));

        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 60; i++) {
                boolean isAcme = i % 2 == 0;
                String token = isAcme ? acmeToken : globexToken;
                String expected = isAcme ? "only-acme" : "only-globex";
                answers.add(callers.submit(() -> {
                    List<String> names =
                            api.get("/api/v1/departments?limit=100", token).body().get("items").values().stream()
                                    .map(item -> item.get("name"))
                                    .map(JsonNode::asString)
                                    .toList();
                    return names.equals(List.of(expected)) ? "ok" : "leak: " + expected + " saw " + names;
                }));
            }
        }
        assertThat(answers).extracting(Future::resultNow).containsOnly("ok");
    }
}
