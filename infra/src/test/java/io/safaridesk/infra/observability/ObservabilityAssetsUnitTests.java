package io.safaridesk.infra.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped alert rules and Grafana dashboard are well-formed, cover what operations needs, and name only product
 * metrics that the Observing guide lists (the guide's list is what the services' integration test scrapes).
 */
class ObservabilityAssetsUnitTests {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern PRODUCT_METRIC = Pattern.compile("safaridesk_[a-z_]+");

    @Test
    @SuppressWarnings("unchecked")
    void alertRulesCoverTheOperatorsQuestions() throws IOException {
        String text = Files.readString(REPOSITORY.resolve("infra/observability/alert-rules.yaml"));
        Map<String, Object> file = new Yaml().load(text);
        List<Map<String, Object>> rules = ((List<Map<String, Object>>) file.get("groups"))
                .stream()
                        .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
                        .toList();
        assertThat(rules)
                .extracting(rule -> rule.get("alert"))
                .contains(
                        "SafariDeskHighErrorRate",
                        "SafariDeskSlowRequests",
                        "SafariDeskOutboxLag",
                        "SafariDeskDeadLetters",
                        "SafariDeskProvisioningFailures",
                        "SafariDeskMailboxReaderErrors",
                        "SafariDeskRealmCellNearCapacity");
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.get("expr")).asString().isNotBlank();
            assertThat((Map<String, Object>) rule.get("labels")).containsKey("severity");
            assertThat((Map<String, Object>) rule.get("annotations")).containsKey("summary");
        });
        assertDocumented(productMetrics(text));
    }

    @Test
    void dashboardQueriesTheProductsMetrics() throws IOException {
        String text = Files.readString(REPOSITORY.resolve("infra/observability/grafana-dashboard.json"));
        JsonNode dashboard = JsonMapper.shared().readTree(text);
        assertThat(dashboard.get("uid").asString()).isEqualTo("safaridesk");
        assertThat(dashboard.get("panels"))
                .isNotEmpty()
                .allSatisfy(panel -> assertThat(panel.get("targets"))
                        .isNotEmpty()
                        .allSatisfy(target ->
                                assertThat(target.get("expr").asString()).isNotBlank()));
        Set<String> metrics = productMetrics(text);
        assertThat(metrics)
                .contains(
                        "safaridesk_tickets_opened_total",
                        "safaridesk_outbox_oldest_age_seconds",
                        "safaridesk_queue_messages",
                        "safaridesk_provisioning_step_seconds_bucket");
        assertDocumented(metrics);
    }

    private static void assertDocumented(Set<String> metrics) throws IOException {
        String guide = Files.readString(REPOSITORY.resolve("docs/operations/observing.md"));
        assertThat(metrics)
                .allSatisfy(metric -> assertThat(guide)
                        .as("%s is listed in docs/operations/observing.md", metric)
                        .contains(metric.replaceAll("_(bucket|count|sum)$", "")));
    }

    private static Set<String> productMetrics(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PRODUCT_METRIC.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
