package io.safaridesk.infra.cli;

import java.util.List;

/** The services of SafariDesk that the stack runs, with where their jar is built and which port they take. */
final class ServiceCatalog {

    record Entry(String name, String jar, String portVariable, int defaultPort) {}

    static final List<Entry> ENTRIES = List.of(
            new Entry("helpdesk-api", "helpdesk-api/target/helpdesk-api-exec.jar", "SAFARIDESK_HELPDESK_PORT", 8080),
            new Entry(
                    "tenant-provisioning",
                    "tenant-provisioning/target/tenant-provisioning-exec.jar",
                    "SAFARIDESK_PROVISIONING_PORT",
                    8081),
            new Entry("worker", "worker/target/worker-exec.jar", "SAFARIDESK_WORKER_PORT", 8082));

    private ServiceCatalog() {}

    static Entry find(String name) {
        return ENTRIES.stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown service '" + name + "'; known: "
                        + ENTRIES.stream().map(Entry::name).toList()));
    }
}
