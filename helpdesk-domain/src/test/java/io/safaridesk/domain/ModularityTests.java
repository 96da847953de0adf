package io.safaridesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Every top-level package of helpdesk-domain is an application module that uses only the modules its
 * {@code package-info} allows and no other module's internals, with no cycle among them; and the module documentation in
 * {@code docs/architecture/modules} is what the code says. After a change to the modules, regenerate it with
 * {@code ./mvnw -pl helpdesk-domain -am verify -Dtest=ModularityTests -Dmodules.docs.update=true}.
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of("io.safaridesk.domain");
    private static final Path COMMITTED_DOCS = Path.of("../docs/architecture/modules");

    @Test
    void everyModuleUsesOnlyWhatItDeclares() {
        MODULES.verify();
    }

    @Test
    void theModuleDocumentationMatchesTheCode() throws IOException {
        boolean update = Boolean.getBoolean("modules.docs.update");
        Path output = update ? COMMITTED_DOCS : Path.of("target/modules-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(output.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        if (!update) {
            try (Stream<Path> generated = Files.list(output)) {
                for (Path file : generated.toList()) {
                    assertThat(sortedLines(COMMITTED_DOCS.resolve(file.getFileName())))
                            .as("docs/architecture/modules is out of date; regenerate it (see the class comment)")
                            .isEqualTo(sortedLines(file));
                }
            }
        }
    }

    /** The Documenter writes a diagram's relations in no fixed order. */
    private static List<String> sortedLines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).stream().sorted().toList() : List.of();
    }
}
