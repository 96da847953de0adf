package io.safaridesk.infra.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running {@code safaridesk up} records in {@code <home>/run/stack.properties}: its process id and the URL of
 * everything it serves, so that {@code status} and {@code down} from another shell can find it.
 */
record StackState(long pid, Map<String, String> urls) {

    static Path file(Path home) {
        return home.resolve("run").resolve("stack.properties");
    }

    static Optional<StackState> read(Path home) {
        Path file = file(home);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> urls = new LinkedHashMap<>();
        for (String name : properties.getProperty("names", "").split(",")) {
            if (!name.isEmpty()) {
                urls.put(name, properties.getProperty("url." + name));
            }
        }
        return Optional.of(new StackState(Long.parseLong(properties.getProperty("pid")), urls));
    }

    void write(Path home) {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("names", String.join(",", urls.keySet()));
        urls.forEach((name, url) -> properties.setProperty("url." + name, url));
        try {
            Files.createDirectories(file(home).getParent());
            try (Writer out = Files.newBufferedWriter(file(home))) {
                properties.store(out, "written by safaridesk up");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The endpoints as shell variable assignments, for operator commands run from another shell. */
    static void writeEnvironment(Path home, Map<String, String> environment) {
        StringBuilder lines = new StringBuilder("# written by safaridesk up; removed by down\n");
        environment.forEach((name, value) -> lines.append(name)
                .append("='")
                .append(value.replace("'", "'\\''"))
                .append("'\n"));
        try {
            Files.createDirectories(environmentFile(home).getParent());
            Files.writeString(environmentFile(home), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path environmentFile(Path home) {
        return home.resolve("run").resolve("stack.env");
    }

    /** The variables {@link #writeEnvironment} wrote; empty when the stack does not run. */
    static Map<String, String> readEnvironment(Path home) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : readLines(environmentFile(home))) {
            int equals = line.indexOf("='");
            if (line.startsWith("#") || equals < 0 || !line.endsWith("'")) {
                continue;
            }
            variables.put(
                    line.substring(0, equals),
                    line.substring(equals + 2, line.length() - 1).replace("'\\''", "'"));
        }
        return variables;
    }

    static Path operatorTokenFile(Path home) {
        return home.resolve("run").resolve("operator-token");
    }

    /** Keeps the run's operator token where only this user can read it. */
    static void writeOperatorToken(Path home, String token) {
        Path file = operatorTokenFile(home);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(file, token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<String> readOperatorToken(Path home) {
        return readLines(operatorTokenFile(home)).stream().findFirst().filter(token -> !token.isBlank());
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path home) {
        try {
            Files.deleteIfExists(operatorTokenFile(home));
            Files.deleteIfExists(environmentFile(home));
            Files.deleteIfExists(file(home));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isRunning() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The one line that {@code up} prints when everything answers. */
    String readyLine() {
        StringBuilder line = new StringBuilder("SafariDesk is ready:");
        urls.forEach((name, url) -> line.append(' ').append(name).append('=').append(url));
        return line.toString();
    }
}
