package io.safaridesk.provisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.platform.testing.TestServicesInitializer;
import io.safaridesk.provisioning.saga.ProvisioningStep;
import io.safaridesk.provisioning.saga.StepObserver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The operator CLI as operators run it: arguments in, text or JSON and an exit code out. */
class TenantCliIntegrationTests {

    record Run(int exitCode, String out, String err) {}

    private static Run tenant(String... args) {
        return tenant(context -> {}, args);
    }

    /** Runs the CLI with {@code extra} applied to its context besides the test services. */
    private static Run tenant(ApplicationContextInitializer<ConfigurableApplicationContext> extra, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TenantCli.run(
                args,
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new TestServicesInitializer(),
                (ConfigurableApplicationContext context) -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource(
                                "cli-test", Map.of("safaridesk.domain-verification.allow-test-domains", "true"))),
                extra);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void provisionsListsSuspendsResumesMigratesAndDeprovisionsAWorkspace() {
        String slug = "cli-" + UUID.randomUUID().toString().substring(0, 8);

        Run provision = tenant(
                "provision",
                "--name=CLI Tours",
                "--slug=" + slug,
                "--domain=" + slug + ".test",
                "--admin-email=ops@" + slug + ".test",
                "--admin-name=Olu Operator",
                "--admin-password=Correct-Horse-9",
                "--skip-domain-verification",
                "--json");
        assertThat(provision.exitCode()).as(provision.err()).isZero();
        assertThat(json(provision.out()).get("status").asString()).isEqualTo("ACTIVE");

        Run list = tenant("list", "--status=ACTIVE", "--json");
        assertThat(list.exitCode()).isZero();
        assertThat(json(list.out()).values())
                .anyMatch(row -> row.get("slug").asString().equals(slug));

        Run show = tenant("show", slug);
        assertThat(show.out()).contains("status:          ACTIVE").contains(slug + ".test (verified)");

        assertThat(json(tenant("suspend", slug, "--json").out()).get("status").asString())
                .isEqualTo("SUSPENDED");
        assertThat(json(tenant("resume", slug, "--json").out()).get("status").asString())
                .isEqualTo("ACTIVE");

        Run migrate = tenant("migrate", "--all");
        assertThat(migrate.exitCode()).as(migrate.out() + migrate.err()).isZero();
        assertThat(migrate.out()).contains(slug).contains("0 failed");

        Run deprovision = tenant("deprovision", slug, "--confirm", slug);
        assertThat(deprovision.exitCode()).isZero();
        assertThat(deprovision.out()).contains("deprovisioned");
        Run again = tenant("deprovision", slug, "--confirm", slug);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("gone already");
        assertThat(tenant("show", slug).exitCode()).isEqualTo(TenantCli.NOT_FOUND);
    }

    @Test
    void showOfAFailedProvisioningGivesTheReasonInTextAndJson() {
        String slug = "cli-failed-" + UUID.randomUUID().toString().substring(0, 8);
        StepObserver refusingTheAdmin = (tenantId, step) -> {
            if (step == ProvisioningStep.CREATE_ADMIN) {
                throw new IllegalStateException("the admin's address was refused by the test");
            }
        };
        ApplicationContextInitializer<ConfigurableApplicationContext> failing = context -> {
            context.getBeanFactory().registerSingleton("refusingTheAdmin", refusingTheAdmin);
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("cli-fail", Map.of("safaridesk.provisioning.max-attempts", "1")));
        };

        Run provision = tenant(
                failing,
                "provision",
                "--name=Failing Tours",
                "--slug=" + slug,
                "--domain=" + slug + ".test",
                "--admin-email=ops@" + slug + ".test",
                "--admin-name=Olu Operator",
                "--admin-password=Correct-Horse-9",
                "--skip-domain-verification",
                "--json");
        try {
            assertThat(provision.exitCode())
                    .as(provision.out() + provision.err())
                    .isEqualTo(TenantCli.FAILED);
            assertThat(json(provision.out()).get("status").asString()).isEqualTo("FAILED");

            Run show = tenant("show", slug, "--json");
            assertThat(show.exitCode()).as(show.err()).isZero();
            JsonNode shown = json(show.out());
            assertThat(shown.get("status").asString()).isEqualTo("FAILED");
            assertThat(shown.get("failed_reason").asString())
                    .isEqualTo("IllegalStateException: the admin's address was refused by the test");
            JsonNode job = shown.get("provisioning_job");
            assertThat(job.get("status").asString()).isEqualTo("FAILED");
            assertThat(job.get("attempts").asInt()).isEqualTo(1);
            assertThat(job.get("completed_steps").values())
                    .extracting(JsonNode::asString)
                    .contains("CREATE_SCHEMA", "MIGRATE_SCHEMA", "CREATE_REALM")
                    .doesNotContain("CREATE_ADMIN", "ACTIVATE");
            assertThat(job.get("last_error").asString()).contains("refused by the test");

            assertThat(tenant("show", slug).out())
                    .contains("status:          FAILED")
                    .contains("failed because:  IllegalStateException: the admin's address was refused by the test");

            Run list = tenant("list", "--status=FAILED", "--json");
            assertThat(json(list.out()).values())
                    .filteredOn(row -> row.get("slug").asString().equals(slug))
                    .singleElement()
                    .satisfies(row -> assertThat(row.get("status").asString()).isEqualTo("FAILED"));
        } finally {
            tenant("deprovision", slug, "--confirm", slug);
        }
    }

    @Test
    void badArgumentsExitWithTwoAndAClearMessage() {
        Run noConfirm = tenant("deprovision", "acme");
        assertThat(noConfirm.exitCode()).isEqualTo(TenantCli.USAGE);
        assertThat(noConfirm.err()).contains("--confirm");

        Run wrongConfirm = tenant("deprovision", "acme", "--confirm", "other");
        assertThat(wrongConfirm.exitCode()).isEqualTo(TenantCli.USAGE);

        Run badSlug = tenant("show", "Not_A_Slug");
        assertThat(badSlug.exitCode()).isEqualTo(TenantCli.USAGE);
        assertThat(badSlug.err()).contains("Not_A_Slug").doesNotContain("\tat ");

        Run unknownCommand = tenant("explode");
        assertThat(unknownCommand.exitCode()).isEqualTo(TenantCli.USAGE);

        Run migrateNothing = tenant("migrate");
        assertThat(migrateNothing.exitCode()).isEqualTo(TenantCli.USAGE);
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
