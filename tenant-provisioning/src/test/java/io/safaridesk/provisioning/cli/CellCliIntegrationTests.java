package io.safaridesk.provisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.platform.testing.TestServicesInitializer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code safaridesk cell ...} as operators run it: the registry of realm cells, without a second Keycloak. */
class CellCliIntegrationTests {

    record Run(int exitCode, String out, String err) {}

    private static Run cell(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TenantCli.runCell(
                args, new PrintWriter(out, true), new PrintWriter(err, true), new TestServicesInitializer());
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void addsListsDrainsOpensUpdatesAndRemovesACell() {
        String name = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        // a port nobody listens on: registering does not call the cell
        String url = "http://127.0.0.1:" + (20000 + (name.hashCode() & 0x7fff)) + "/";

        Run add = cell(
                "add", name, "--base-url=" + url, "--admin-credentials=env:CELL_X_ADMIN", "--capacity=3", "--json");
        assertThat(add.exitCode()).as(add.err()).isZero();
        JsonNode added = JsonMapper.shared().readTree(add.out()).get(0);
        assertThat(added.get("base_url").asString()).as("no trailing slash").isEqualTo(url.replaceAll("/$", ""));
        assertThat(added.get("state").asString()).isEqualTo("OPEN");
        assertThat(added.get("capacity").asInt()).isEqualTo(3);

        Run list = cell("list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains(name).contains("0/3").containsPattern("default\\s+(OPEN|FULL)");

        assertThat(cell("add", name, "--base-url=http://127.0.0.1:1").exitCode())
                .as("taken name")
                .isEqualTo(TenantCli.USAGE);
        assertThat(cell("add", "Bad_Name", "--base-url=http://127.0.0.1:1").exitCode())
                .isEqualTo(TenantCli.USAGE);
        assertThat(cell("add", name + "-x", "--base-url=http://127.0.0.1:2", "--admin-credentials=hunter2")
                        .exitCode())
                .as("a secret instead of a reference")
                .isEqualTo(TenantCli.USAGE);

        assertThat(cell("drain", name).out()).contains("DRAINING");
        assertThat(cell("open", name).out()).contains("OPEN");
        Run full = cell("update", name, "--capacity=1", "--database=env:CELL_X_DB", "--json");
        assertThat(JsonMapper.shared()
                        .readTree(full.out())
                        .get(0)
                        .get("database_ref")
                        .asString())
                .isEqualTo("env:CELL_X_DB");

        Run removed = cell("remove", name);
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(cell("drain", name).exitCode()).isEqualTo(TenantCli.NOT_FOUND);
    }
}
