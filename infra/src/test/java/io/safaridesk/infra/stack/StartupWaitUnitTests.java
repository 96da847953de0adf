package io.safaridesk.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupWaitUnitTests {

    @TempDir
    Path folder;

    @Test
    void readsTheTimeoutInSecondsOrWithAUnit() {
        assertThat(StartupWait.fromEnvironment(Map.of()).stallLimit()).isEqualTo(Duration.ofMinutes(3));
        assertThat(StartupWait.fromEnvironment(Map.of(StartupWait.TIMEOUT, "300"))
                        .stallLimit())
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(StartupWait.fromEnvironment(Map.of(StartupWait.TIMEOUT, "90s"))
                        .stallLimit())
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(StartupWait.fromEnvironment(Map.of(StartupWait.TIMEOUT, "10m"))
                        .stallLimit())
                .isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> StartupWait.fromEnvironment(Map.of(StartupWait.TIMEOUT, "soon")))
                .hasMessageContaining(StartupWait.TIMEOUT)
                .hasMessageContaining("soon");
        assertThatThrownBy(() -> StartupWait.fromEnvironment(Map.of(StartupWait.TIMEOUT, "0")))
                .hasMessageContaining("positive");
    }

    @Test
    void waitsLongerThanTheLimitWhileTheLogKeepsMoving() throws Exception {
        Path log = folder.resolve("service.log");
        Process service = logEvery("0.2", log);
        try {
            long start = System.nanoTime();
            long readyAfter = TimeUnit.SECONDS.toNanos(5);

            new StartupWait(Duration.ofSeconds(2))
                    .await("service", service, log, () -> System.nanoTime() - start > readyAfter);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(5));
        } finally {
            service.destroyForcibly();
        }
    }

    @Test
    void givesUpWhenTheLogStandsStill() throws Exception {
        Path log = folder.resolve("service.log");
        Files.writeString(log, "started, then hung\n");
        Process hung = new ProcessBuilder("sleep", "60").start();
        try {
            assertThatThrownBy(() -> new StartupWait(Duration.ofSeconds(1)).await("service", hung, log, () -> false))
                    .hasMessageContaining("log stood still for 1 s")
                    .hasMessageContaining(StartupWait.TIMEOUT);
        } finally {
            hung.destroyForcibly();
        }
    }

    @Test
    void givesUpAtOnceWhenTheProcessExits() throws Exception {
        Process failed = new ProcessBuilder("sh", "-c", "exit 7").start();
        failed.waitFor();

        assertThatThrownBy(() -> new StartupWait(Duration.ofMinutes(5))
                        .await("service", failed, folder.resolve("none.log"), () -> false))
                .hasMessageContaining("exited with code 7");
    }

    private static Process logEvery(String seconds, Path log) throws IOException {
        return new ProcessBuilder("sh", "-c", "while true; do echo starting; sleep " + seconds + "; done")
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }
}
