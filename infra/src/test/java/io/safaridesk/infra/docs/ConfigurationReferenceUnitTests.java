package io.safaridesk.infra.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every {@code SAFARIDESK_*} variable that main code or configuration reads is documented in the reference. */
class ConfigurationReferenceUnitTests {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern VARIABLE = Pattern.compile("SAFARIDESK_[A-Z0-9_]*[A-Z0-9]");
    /** A variable as code reads it: a string literal or a placeholder, not a constant that shares the prefix. */
    private static final Pattern READ_VARIABLE =
            Pattern.compile("(?:\"|\\$\\{(?:env:)?)(SAFARIDESK_[A-Z0-9_]*[A-Z0-9])");

    @Test
    void everyVariableReadByTheServicesIsInTheConfigurationReference() throws IOException {
        String reference = Files.readString(REPOSITORY.resolve("docs/reference/configuration.md"));
        Set<String> documented = matches(VARIABLE, reference);

        assertThat(variablesReadByMainSources())
                .isNotEmpty()
                .allSatisfy(variable -> assertThat(documented)
                        .as("%s is read by the code but not documented in docs/reference/configuration.md", variable)
                        .contains(variable));
    }

    private static Set<String> variablesReadByMainSources() throws IOException {
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            Set<String> variables = new TreeSet<>();
            files.filter(ConfigurationReferenceUnitTests::isMainSourceOrConfiguration)
                    .forEach(file -> variables.addAll(matches(READ_VARIABLE, read(file))));
            return variables;
        }
    }

    private static boolean isMainSourceOrConfiguration(Path file) {
        String path = REPOSITORY.relativize(file).toString().replace('\\', '/');
        String name = file.getFileName().toString();
        return path.contains("/src/main/")
                && !path.contains("/target/")
                && (name.endsWith(".java") || name.endsWith(".yml") || name.endsWith(".yaml"));
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(matcher.groupCount()));
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
