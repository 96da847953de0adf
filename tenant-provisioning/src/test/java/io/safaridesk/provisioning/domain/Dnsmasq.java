package io.safaridesk.provisioning.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real DNS server for tests: dnsmasq on {@code 127.0.0.1} and a free port, answering from a configuration file of its
 * own, authoritative for {@code .test} (unknown names there are NXDOMAIN) and asking no upstream server. {@link
 * #restartWith(String...)} replaces its records on the same port, as a DNS provider publishing a change would.
 *
 * <p>Where dnsmasq is not installed, tests using it are skipped, except on CI ({@code CI} set), where they fail.
 */
public final class Dnsmasq implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(10);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final Path binary;
    private final Path directory;
    private final int port;
    private Process process;

    private Dnsmasq(Path binary, Path directory, int port, List<String> records) {
        this.binary = binary;
        this.directory = directory;
        this.port = port;
        this.process = launch(records);
    }

    /**
     * Starts dnsmasq with these configuration lines, e.g. {@link #txtRecord(String, String...)}s.
     *
     * @return once it answers queries
     */
    public static Dnsmasq start(String... records) {
        Path binary = find().orElse(null);
        if (binary == null) {
            String missing = "dnsmasq is not installed (apt-get install dnsmasq-base)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(missing);
            }
            Assumptions.abort(missing);
        }
        try {
            return new Dnsmasq(binary, Files.createTempDirectory("dnsmasq"), freePort(), List.of(records));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code txt-record} line: one TXT record at {@code name} made of these character strings. */
    public static String txtRecord(String name, String... strings) {
        return "txt-record=" + name + ","
                + Arrays.stream(strings).map(s -> '"' + s + '"').collect(Collectors.joining(","));
    }

    /** Where it listens, as {@code safaridesk.domain-verification.dns-resolver} takes it. */
    public String hostAndPort() {
        return "127.0.0.1:" + port;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(LOOPBACK, port);
    }

    /** Stops it and starts it again on the same port with other records. */
    public void restartWith(String... records) {
        stop();
        process = launch(List.of(records));
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is no failure
        }
    }

    private Process launch(List<String> records) {
        Path config = directory.resolve("dnsmasq.conf");
        Path log = directory.resolve("dnsmasq.log");
        List<String> lines = new ArrayList<>(records);
        lines.add("local=/test/"); // answer for .test alone: NXDOMAIN for names it has no record for
        try {
            Files.write(config, lines, StandardCharsets.UTF_8);
            Process started = new ProcessBuilder(
                            binary.toString(),
                            "--keep-in-foreground",
                            "--conf-file=" + config,
                            "--port=" + port,
                            "--listen-address=127.0.0.1",
                            "--bind-interfaces",
                            "--no-resolv",
                            "--no-hosts",
                            "--no-poll",
                            "--cache-size=0",
                            "--pid-file=",
                            "--log-facility=-",
                            "--user=" + System.getProperty("user.name"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            awaitAnswers(started, log);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitAnswers(Process started, Path log) throws IOException {
        var resolver = new SimpleResolver(address());
        resolver.setTimeout(Duration.ofMillis(200));
        Message probe = Message.newQuery(Record.newRecord(Name.fromConstantString("probe.test."), Type.A, DClass.IN));
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!started.isAlive()) {
                throw new IllegalStateException(
                        "dnsmasq exited with " + started.exitValue() + ": " + Files.readString(log));
            }
            try {
                resolver.send(probe);
                return;
            } catch (IOException notYet) {
                sleep(Duration.ofMillis(50));
            }
        }
        started.destroyForcibly();
        throw new IllegalStateException("dnsmasq did not answer within " + STARTUP + ": " + Files.readString(log));
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Arrays.stream(path.split(":")), Stream.of("/usr/sbin", "/sbin", "/usr/local/sbin"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "dnsmasq"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** A port free for both UDP and TCP on loopback, as dnsmasq listens on both. */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (var tcp = new ServerSocket(0, 1, LOOPBACK)) {
                int candidate = tcp.getLocalPort();
                try (var udp = new DatagramSocket(candidate, LOOPBACK)) {
                    return candidate;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("No port free for both UDP and TCP on loopback");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
