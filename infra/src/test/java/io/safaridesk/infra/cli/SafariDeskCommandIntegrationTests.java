package io.safaridesk.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.safaridesk.infra.stack.Ports;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code safaridesk up | status | down} as separate processes, the way an operator does. */
class SafariDeskCommandIntegrationTests {

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();
    private Path serviceJar;
    private int servicePort;

    @BeforeEach
    void stackOnFreePorts() throws IOException {
        servicePort = Ports.findFree();
        env.put("SAFARIDESK_HOME", home.toString());
        env.put("SAFARIDESK_HELPDESK_PORT", Integer.toString(servicePort));
        env.put("SAFARIDESK_EMBEDDED_DB_PORT", Integer.toString(Ports.findFree()));
        env.put("SAFARIDESK_EMBEDDED_AMQP_PORT", Integer.toString(Ports.findFree()));
        env.put("SAFARIDESK_EMBEDDED_SMTP_PORT", Integer.toString(Ports.findFree()));
        env.put("SAFARIDESK_EMBEDDED_IMAP_PORT", Integer.toString(Ports.findFree()));
        // The fake service never calls Keycloak; naming one keeps this test about the launcher.
        env.put("SAFARIDESK_KEYCLOAK_URL", "http://127.0.0.1:1");
        serviceJar = fakeServiceJar();
    }

    @Test
    void upServesUntilDownAndLeavesNoProcessBehind() throws Exception {
        Launched up = launch("up", "--services", "helpdesk-api", "--jar", "helpdesk-api=" + serviceJar);
        String ready = up.awaitLine("SafariDesk is ready:");

        assertThat(ready)
                .contains("helpdesk-api=http://127.0.0.1:" + servicePort)
                .contains("mail-smtp=smtp://127.0.0.1:" + env.get("SAFARIDESK_EMBEDDED_SMTP_PORT"));
        List<ProcessHandle> family = new ArrayList<>(up.process.descendants().toList());
        family.add(postmaster());
        assertThat(family).hasSizeGreaterThanOrEqualTo(2).allMatch(ProcessHandle::isAlive);

        Finished status = launch("status").finish();
        assertThat(status.exitCode()).isZero();
        assertThat(status.output()).contains("http://127.0.0.1:" + servicePort);

        String databaseUrl = get("http://127.0.0.1:" + servicePort + "/db-url");
        try (var connection = DriverManager.getConnection(databaseUrl, "postgres", "")) {
            connection.createStatement().execute("create table survives_restart(id int)");
        }

        assertThat(launch("down").finish().exitCode()).isZero();
        assertThat(up.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(family).noneMatch(ProcessHandle::isAlive));
        assertThat(Ports.isFree(servicePort)).isTrue();
        assertThat(launch("status").finish().exitCode()).isEqualTo(StatusCommand.NOT_RUNNING);

        Launched again = launch("up", "--services", "helpdesk-api", "--jar", "helpdesk-api=" + serviceJar);
        again.awaitLine("SafariDesk is ready:");
        try (var connection = DriverManager.getConnection(databaseUrl, "postgres", "")) {
            assertThat(connection
                            .getMetaData()
                            .getTables(null, null, "survives_restart", null)
                            .next())
                    .isTrue();
        }
        assertThat(launch("down").finish().exitCode()).isZero();
        assertThat(again.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void downStopsEverythingWithinThirtySecondsWithoutErrors() throws Exception {
        Launched up = launch("up", "--services", "helpdesk-api", "--jar", "helpdesk-api=" + serviceJar);
        up.awaitLine("SafariDesk is ready:");
        int linesBeforeDown = up.lineCount();
        List<ProcessHandle> family = new ArrayList<>(up.process.descendants().toList());
        family.add(postmaster());

        long start = System.nanoTime();
        Finished down = launch("down").finish();
        assertThat(up.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(down.exitCode()).isZero();
        assertThat(took).isLessThan(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(family).noneMatch(ProcessHandle::isAlive));
        assertThat(up.linesAfter(linesBeforeDown)).noneMatch(SafariDeskCommandIntegrationTests::isNoise);
        assertThat(down.output()).doesNotContain("killing");
    }

    /**
     * Ctrl-C ends the stack cleanly. The bound only catches a hang; how fast it stops on a loaded machine is a figure,
     * printed here, not a test.
     */
    @Test
    void ctrlCStopsEverythingWithoutErrors() throws Exception {
        Launched up = launch("up", "--services", "helpdesk-api", "--jar", "helpdesk-api=" + serviceJar);
        up.awaitLine("SafariDesk is ready:");
        int linesBeforeInterrupt = up.lineCount();
        List<ProcessHandle> family = new ArrayList<>(up.process.descendants().toList());
        family.add(postmaster());

        // a terminal's Ctrl-C reaches the launcher and its children (one process group) at once
        long start = System.nanoTime();
        List<String> interrupt = new ArrayList<>(List.of("kill", "-INT", Long.toString(up.process.pid())));
        up.process.children().forEach(child -> interrupt.add(Long.toString(child.pid())));
        assertThat(new ProcessBuilder(interrupt).start().waitFor()).isZero();
        assertThat(up.process.waitFor(120, TimeUnit.SECONDS))
                .as(() -> "still running after Ctrl-C:\n" + threadsOf(up.process) + "\n" + up.text())
                .isTrue();
        System.out.printf("Ctrl-C stopped the stack in %.1f s%n", (System.nanoTime() - start) / 1e9);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(family).noneMatch(ProcessHandle::isAlive));
        assertThat(up.linesAfter(linesBeforeInterrupt)).noneMatch(SafariDeskCommandIntegrationTests::isNoise);
        assertThat(launch("status").finish().exitCode()).isEqualTo(StatusCommand.NOT_RUNNING);
    }

    /** The threads of a process that did not stop, for the failure's message. */
    private static String threadsOf(Process process) {
        try {
            Process jstack = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jstack")
                                    .toString(),
                            Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .start();
            return new String(jstack.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "no thread dump: " + e;
        }
    }

    /** What an operator should not see while the stack stops: warnings, errors, stack traces. */
    private static boolean isNoise(String line) {
        return line.contains("WARN")
                || line.contains("ERROR")
                || line.contains("Exception")
                || line.startsWith("\tat ")
                || line.startsWith("safaridesk:");
    }

    @Test
    void aTakenPortGetsAClearMessageAndStartsNothing() throws Exception {
        try (ServerSocket taken = new ServerSocket(servicePort, 1, InetAddress.getLoopbackAddress())) {
            Finished up = launch("up", "--services", "helpdesk-api", "--jar", "helpdesk-api=" + serviceJar)
                    .finish();

            assertThat(up.exitCode()).isEqualTo(2);
            assertThat(up.output())
                    .contains("Port " + servicePort + " for helpdesk-api is already in use")
                    .contains("SAFARIDESK_HELPDESK_PORT")
                    .doesNotContain("\tat ");
            assertThat(home.resolve("postgres")).doesNotExist();
        }
    }

    /**
     * Starts the command as an operator's terminal does. A build started in the background (CI, {@code cmd &}) runs
     * with SIGINT ignored, every process it starts inherits that, and a JVM that starts with SIGINT ignored keeps it
     * ignored: its Ctrl-C would never reach the launcher's shutdown hook. {@code env --default-signal} (coreutils 8.31)
     * gives the launcher a terminal's default again.
     */
    private Launched launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                "env",
                "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SafariDeskCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SAFARIDESK_"));
        builder.environment().putAll(env);
        return new Launched(builder.start());
    }

    /** PostgreSQL detaches from the launcher; its data folder names its process. */
    private ProcessHandle postmaster() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(home.resolve("postgres/postmaster.pid"))
                .getFirst()
                .trim());
        return ProcessHandle.of(pid).orElseThrow();
    }

    private static String get(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        }
    }

    private Path fakeServiceJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        // the fake service uses the AMQP client of this test's class path
        manifest.getMainAttributes()
                .put(
                        Attributes.Name.CLASS_PATH,
                        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                                .map(entry -> Path.of(entry).toUri().toString())
                                .collect(Collectors.joining(" ")));
        Path jar = home.resolve("fake-service.jar");
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                InputStream classFile = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
        }
        return jar;
    }

    record Finished(int exitCode, String output) {}

    private static final class Launched {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final StringBuilder output = new StringBuilder();

        Launched(Process process) {
            this.process = process;
            Thread.ofVirtual().start(() -> {
                try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        synchronized (output) {
                            output.append(line).append('\n');
                        }
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
        }

        String text() {
            synchronized (output) {
                return output.toString();
            }
        }

        int lineCount() {
            synchronized (output) {
                return (int) output.chars().filter(c -> c == '\n').count();
            }
        }

        List<String> linesAfter(int count) throws InterruptedException {
            Thread.sleep(100); // let the reader drain the last lines
            synchronized (output) {
                return output.toString().lines().skip(count).toList();
            }
        }

        String awaitLine(String prefix) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
                if (line == null && !process.isAlive()) {
                    break;
                }
            }
            process.destroyForcibly();
            throw new AssertionError("No line starting with '" + prefix + "'; output was:\n" + output);
        }

        Finished finish() throws InterruptedException {
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
            Thread.sleep(100); // let the reader drain the last lines
            synchronized (output) {
                return new Finished(process.exitValue(), output.toString());
            }
        }
    }
}
