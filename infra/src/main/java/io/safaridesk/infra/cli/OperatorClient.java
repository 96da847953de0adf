package io.safaridesk.infra.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The thin client of {@code safaridesk tenant|cell|dlq|mail ...}: hands the command to the running local stack's
 * service (tenant-provisioning for {@code tenant} and {@code cell}, the worker for {@code dlq} and {@code mail}), which
 * runs it on its own beans
 * and answers the output and exit code. It needs nothing but the JDK, so the command answers without a JVM full of
 * Spring. When no service of the stack answers, or the caller's {@code SAFARIDESK_*} variables point somewhere else
 * than the stack, it exits with {@link #NO_SERVICE} having done nothing, and the script runs the command in-process.
 */
public final class OperatorClient {

    /** Nothing was run: no running service to ask. */
    public static final int NO_SERVICE = 125;

    private static final Map<String, String> SERVICE_OF_COMMAND =
            Map.of("tenant", "tenant-provisioning", "cell", "tenant-provisioning", "dlq", "worker", "mail", "worker");

    /** What a command acts on: a caller who names another target than the stack's runs the command itself. */
    private static final List<String> TARGET_VARIABLES =
            List.of("SAFARIDESK_DB_URL", "SAFARIDESK_AMQP_URL", "SAFARIDESK_KEYCLOAK_URL", "SAFARIDESK_QUEUE_PREFIX");

    private OperatorClient() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs {@code args} in the running service; answers its exit code, or {@link #NO_SERVICE}. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 0 || !SERVICE_OF_COMMAND.containsKey(args[0])) {
            return NO_SERVICE;
        }
        Path home = Path.of(env.getOrDefault("SAFARIDESK_HOME", System.getProperty("user.home") + "/.safaridesk"));
        Optional<URI> endpoint = endpoint(home, SERVICE_OF_COMMAND.get(args[0]), env);
        Optional<String> token = StackState.readOperatorToken(home);
        if (endpoint.isEmpty() || token.isEmpty()) {
            return NO_SERVICE;
        }
        try {
            return send(endpoint.get().resolve("/operator/" + args[0]), token.get(), args, out, err);
        } catch (ConnectException notListening) {
            return NO_SERVICE;
        } catch (IOException e) {
            err.println("safaridesk " + args[0] + ": the running service did not answer: " + e.getMessage());
            return 1;
        }
    }

    private static Optional<URI> endpoint(Path home, String service, Map<String, String> env) {
        Optional<StackState> state = StackState.read(home).filter(StackState::isRunning);
        if (state.isEmpty() || !state.get().urls().containsKey(service)) {
            return Optional.empty();
        }
        Map<String, String> stackTargets = StackState.readEnvironment(home);
        boolean sameTargets = TARGET_VARIABLES.stream()
                .filter(env::containsKey)
                .allMatch(variable -> env.get(variable).equals(stackTargets.get(variable)));
        return sameTargets ? Optional.of(URI.create(state.get().urls().get(service))) : Optional.empty();
    }

    private static int send(URI uri, String token, String[] args, PrintStream out, PrintStream err) throws IOException {
        HttpURLConnection http = (HttpURLConnection) uri.toURL().openConnection();
        http.setConnectTimeout(2_000);
        http.setRequestMethod("POST");
        http.setDoOutput(true);
        http.setRequestProperty("Authorization", "Bearer " + token);
        http.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        String form = Stream.of(args)
                .skip(1)
                .map(arg -> "arg=" + URLEncoder.encode(arg, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try (OutputStream body = http.getOutputStream()) {
            body.write(form.getBytes(StandardCharsets.UTF_8));
        }
        int status = http.getResponseCode();
        if (status == 401 || status == 403 || status == 404) {
            // refused before anything ran (a service of an older launcher, or another run's token)
            return NO_SERVICE;
        }
        if (status != 200) {
            err.println("safaridesk " + args[0] + ": the running service answered HTTP " + status);
            return 1;
        }
        byte[] answer;
        try (InputStream in = http.getInputStream()) {
            answer = in.readAllBytes();
        }
        int stdoutBytes = Integer.parseInt(http.getHeaderField("SafariDesk-Stdout-Bytes"));
        out.write(answer, 0, stdoutBytes);
        err.write(answer, stdoutBytes, answer.length - stdoutBytes);
        out.flush();
        err.flush();
        return Integer.parseInt(http.getHeaderField("SafariDesk-Exit-Code"));
    }
}
