package io.safaridesk.helpdesk.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.TestWorkspaces;
import io.safaridesk.platform.testing.OpenApiFuzzer;
import io.safaridesk.platform.testing.TestServicesInitializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/** Both OpenAPI documents describe the wire: snake_case names, and no parameter the server resolves itself. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestServicesInitializer.class)
class ApiDocumentsIntegrationTests {

    private static final String SNAKE_CASE = "[a-z][a-z0-9]*(_[a-z0-9]+)*";

    @Value("${local.server.port}")
    int port;

    @Test
    void listNoInternalActorParameter() {
        for (JsonNode document : documents()) {
            for (OpenApiFuzzer.Operation operation : OpenApiFuzzer.operations(document)) {
                for (JsonNode parameter : operation.spec().path("parameters").values()) {
                    assertThat(parameter.path("name").asString())
                            .as(operation.toString())
                            .isNotEqualTo("actor");
                    assertThat(parameter.path("schema").path("$ref").asString(""))
                            .as(operation.toString())
                            .doesNotEndWith("/Actor");
                }
            }
            assertThat(document.path("components").path("schemas").has("Actor")).isFalse();
        }
    }

    @Test
    void nameEveryPropertyAndParameterInSnakeCase() {
        List<String> camel = new ArrayList<>();
        for (JsonNode document : documents()) {
            for (Map.Entry<String, JsonNode> schema :
                    document.path("components").path("schemas").properties()) {
                for (String property : schema.getValue().path("properties").propertyNames()) {
                    if (!property.matches(SNAKE_CASE)) {
                        camel.add(schema.getKey() + "." + property);
                    }
                }
            }
            for (OpenApiFuzzer.Operation operation : OpenApiFuzzer.operations(document)) {
                for (JsonNode parameter : operation.spec().path("parameters").values()) {
                    String name = parameter.path("name").asString();
                    // path parameters are template names, never on the wire; headers have their own casing
                    if (parameter.path("in").asString().equals("query") && !name.matches(SNAKE_CASE)) {
                        camel.add(operation + " " + name);
                    }
                }
            }
        }

        assertThat(camel).isEmpty();
    }

    private List<JsonNode> documents() {
        return List.of(
                OpenApiFuzzer.document(port, "/api/docs"),
                OpenApiFuzzer.document(TestWorkspaces.provisioningPort(), "/api/docs"));
    }
}
