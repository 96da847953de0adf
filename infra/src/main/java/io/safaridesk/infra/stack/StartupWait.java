package io.safaridesk.infra.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the launcher waits for a child process that is still starting: as long as the process lives and its log
 * keeps growing, however busy the machine; it gives up only when the log has stood still for {@code stallLimit}
 * ({@code SAFARIDESK_START_TIMEOUT}, default 3 minutes) or the process has exited.
 */
public record StartupWait(Duration stallLimit) {

    public static final String TIMEOUT = "SAFARIDESK_START_TIMEOUT";
    static final Duration DEFAULT_STALL_LIMIT = Duration.ofMinutes(3);

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
    private static final long POLL_MILLIS = 300;

    public StartupWait {
        if (stallLimit.isNegative() || stallLimit.isZero()) {
            throw new IllegalArgumentException(TIMEOUT + " must be positive");
        }
    }

    /** From {@code SAFARIDESK_START_TIMEOUT}: seconds, or a number with {@code ms}, {@code s}, {@code m} or {@code h}. */
    public static StartupWait fromEnvironment(Map<String, String> env) {
        String value = env.get(TIMEOUT);
        if (value == null || value.isBlank()) {
            return new StartupWait(DEFAULT_STALL_LIMIT);
        }
        Matcher matcher = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException(TIMEOUT + " must be a duration such as 300, 90s or 5m, was: " + value);
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return new StartupWait(
                switch (unit) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofSeconds(amount);
                });
    }

    /** Returns once {@code probe} answers HTTP 200; see {@link #await(String, Process, Path, BooleanSupplier)}. */
    public void awaitOk(String name, Process process, Path log, URI probe) throws InterruptedException {
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            await(name, process, log, () -> answersOk(http, probe));
        }
    }

    /**
     * Returns once {@code ready} says so; throws when {@code process} exits first or its {@code log} stops growing for
     * longer than the stall limit.
     */
    public void await(String name, Process process, Path log, BooleanSupplier ready) throws InterruptedException {
        long lastSize = size(log);
        long lastProgress = System.nanoTime();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with code " + process.exitValue() + " before it was ready; see " + log);
            }
            if (ready.getAsBoolean()) {
                return;
            }
            long size = size(log);
            if (size != lastSize) {
                lastSize = size;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stallLimit.toNanos()) {
                throw new IllegalStateException(name + " was not ready and its log stood still for "
                        + stallLimit.toSeconds() + " s; see " + log + " (" + TIMEOUT + " sets how long to wait)");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static boolean answersOk(HttpClient http, URI probe) {
        try {
            HttpRequest request =
                    HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long size(Path log) {
        try {
            return Files.size(log);
        } catch (IOException notYetWritten) {
            return -1;
        }
    }
}
