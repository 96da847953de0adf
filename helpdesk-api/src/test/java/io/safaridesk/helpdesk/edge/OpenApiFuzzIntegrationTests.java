package io.safaridesk.helpdesk.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.TestWorkspaces;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import io.safaridesk.platform.testing.OpenApiFuzzer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The property every answer of both HTTP services must have, whatever the input: no 5xx, and every error an RFC 9457
 * problem. Every operation of both OpenAPI documents (helpdesk-api's as a workspace admin, tenant-provisioning's
 * anonymously) gets {@value #CASES_PER_OPERATION} seeded cases of hostile input ({@link OpenApiFuzzer}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiFuzzIntegrationTests extends TwoWorkspaceApiTests {

    static final int CASES_PER_OPERATION = 16;
    private static final Logger log = LoggerFactory.getLogger(OpenApiFuzzIntegrationTests.class);

    private final AtomicInteger operations = new AtomicInteger();
    private final Map<String, Integer> statuses = new ConcurrentSkipListMap<>();

    Stream<Arguments> operations() {
        JsonNode helpdesk = OpenApiFuzzer.document(port, "/api/docs");
        JsonNode provisioning = OpenApiFuzzer.document(TestWorkspaces.provisioningPort(), "/api/docs");
        return Stream.concat(
                OpenApiFuzzer.operations(helpdesk).stream()
                        .map(operation -> Arguments.of("helpdesk-api", operation, helpdesk)),
                OpenApiFuzzer.operations(provisioning).stream()
                        .map(operation -> Arguments.of("tenant-provisioning", operation, provisioning)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operations")
    void answersEveryHostileInputWithoutA5xxAndWithProblems(
            String service, OpenApiFuzzer.Operation operation, JsonNode document) {
        boolean helpdesk = service.equals("helpdesk-api");
        int target = helpdesk ? port : TestWorkspaces.provisioningPort();
        Function<String, String> known = name -> switch (name) {
            case "slug", "workspace" -> acme.slug().value();
            default -> null;
        };
        List<OpenApiFuzzer.Case> generated =
                OpenApiFuzzer.cases(document, operation, CASES_PER_OPERATION, known, helpdesk ? acmeAdmin : null);

        List<OpenApiFuzzer.Answer> answers = generated.stream()
                .map(request -> OpenApiFuzzer.check(target, request))
                .toList();
        operations.incrementAndGet();
        answers.forEach(answer -> statuses.merge(answer.status() / 100 + "xx", 1, Integer::sum));
        List<OpenApiFuzzer.Answer> failures =
                answers.stream().filter(OpenApiFuzzer.Answer::broken).toList();

        assertThat(failures).as("answers that break the property").isEmpty();
    }

    @AfterAll
    void report() {
        log.info(
                "OpenAPI fuzz: {} operations, {} cases, answers by status {}, seed {}",
                operations,
                statuses.values().stream().mapToInt(Integer::intValue).sum(),
                statuses,
                OpenApiFuzzer.SEED);
    }
}
