package io.safaridesk.provisioning.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
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
import java.util.stream.Stream;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * dnsmasq itself, run from a configuration file of its own in a temporary directory; replacing its records restarts it
 * on the same port.
 */
final class DnsmasqProcess implements LoopbackDnsServer {

    private static final Duration STARTUP = Duration.ofSeconds(10);

    private final Path binary;
    private final Path directory;
    private final int port;
    private Process process;

    private DnsmasqProcess(Path binary, Path directory, int port, List<String> records) {
        this.binary = binary;
        this.directory = directory;
        this.port = port;
        this.process = launch(records);
    }

    /** The dnsmasq binary on the {@code PATH} or in an {@code sbin} directory, if installed. */
    static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Arrays.stream(path.split(":")), Stream.of("/usr/sbin", "/sbin", "/usr/local/sbin"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "dnsmasq"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Starts {@code binary} with these configuration lines on a free port.
     *
     * @return once it answers queries
     */
    static DnsmasqProcess start(Path binary, List<String> records) {
        try {
            return new DnsmasqProcess(binary, Files.createTempDirectory("dnsmasq"), freePort(), records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void replaceRecords(List<String> records) {
        stop();
        process = launch(records);
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

    @Override
    public String toString() {
        return "dnsmasq (" + binary + ") on " + ADDRESS.getHostAddress() + ":" + port;
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
                            "--listen-address=" + ADDRESS.getHostAddress(),
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
        var resolver = new SimpleResolver(new InetSocketAddress(ADDRESS, port));
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

    /** A port free for both UDP and TCP on loopback, as dnsmasq listens on both. */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (var tcp = new ServerSocket(0, 1, ADDRESS)) {
                int candidate = tcp.getLocalPort();
                try (var udp = new DatagramSocket(candidate, ADDRESS)) {
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
