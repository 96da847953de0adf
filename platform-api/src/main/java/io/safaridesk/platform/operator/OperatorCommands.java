package io.safaridesk.platform.operator;

import io.safaridesk.platform.error.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Runs an operator command ({@code safaridesk tenant|cell|dlq ...}) inside a running service, for the launcher's thin
 * client, so that a command answers without starting a JVM full of Spring. Only the local operator may call it: the
 * request must come from the loopback interface and carry the run's token ({@code SAFARIDESK_OPERATOR_TOKEN}, which
 * {@code safaridesk up} generates and keeps in its run folder); without a token configured the commands do not exist.
 *
 * <p>The answer is the command's own: header {@value #EXIT_CODE_HEADER} carries its exit code, the body its standard
 * output followed by its standard error, split after {@value #STDOUT_BYTES_HEADER} bytes.
 */
public final class OperatorCommands {

    public static final String EXIT_CODE_HEADER = "SafariDesk-Exit-Code";
    public static final String STDOUT_BYTES_HEADER = "SafariDesk-Stdout-Bytes";

    private final byte[] token;

    public OperatorCommands(String token) {
        this.token = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
    }

    /** A command line as the CLI runs it: arguments in, text out, an exit code back. */
    @FunctionalInterface
    public interface Command {
        int run(String[] args, PrintWriter out, PrintWriter err);
    }

    /** Checks the caller, runs {@code command} on {@code args} and answers its output and exit code. */
    public ResponseEntity<byte[]> run(
            HttpServletRequest request, String authorization, List<String> args, Command command) {
        requireLocalOperator(request, authorization);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
                PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8)) {
            exitCode = command.run(args == null ? new String[0] : args.toArray(String[]::new), outWriter, errWriter);
        }
        byte[] body = new byte[out.size() + err.size()];
        System.arraycopy(out.toByteArray(), 0, body, 0, out.size());
        System.arraycopy(err.toByteArray(), 0, body, out.size(), err.size());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(EXIT_CODE_HEADER, Integer.toString(exitCode))
                .header(STDOUT_BYTES_HEADER, Integer.toString(out.size()))
                .body(body);
    }

    private void requireLocalOperator(HttpServletRequest request, String authorization) {
        if (token.length == 0) {
            throw OperatorRefused.notEnabled();
        }
        if (!isLoopback(request.getRemoteAddr())) {
            throw OperatorRefused.notLocal();
        }
        byte[] presented = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        if (!MessageDigest.isEqual(token, presented)) {
            throw OperatorRefused.wrongToken();
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The caller is not the local operator (or operator commands are off in this service). */
    static final class OperatorRefused extends ApiProblem {
        private OperatorRefused(HttpStatus status, String detail) {
            super(status, "operator-command-refused", detail);
        }

        static OperatorRefused notEnabled() {
            return new OperatorRefused(HttpStatus.NOT_FOUND, "Operator commands are not enabled in this service");
        }

        static OperatorRefused notLocal() {
            return new OperatorRefused(HttpStatus.FORBIDDEN, "Operator commands are answered on the loopback only");
        }

        static OperatorRefused wrongToken() {
            return new OperatorRefused(HttpStatus.UNAUTHORIZED, "The operator token is missing or wrong");
        }
    }
}
