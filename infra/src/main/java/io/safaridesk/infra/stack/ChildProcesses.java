package io.safaridesk.infra.stack;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a child process and every process it started, politely first, then by force. */
public final class ChildProcesses {

    private ChildProcesses() {}

    public static void stop(Process process, Duration grace) {
        stop(process.toHandle(), grace);
    }

    public static void stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> family = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(process), process.descendants())
                .toList();
        family.forEach(ProcessHandle::destroy);
        for (ProcessHandle member : family) {
            try {
                member.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                member.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                family.forEach(ProcessHandle::destroyForcibly);
                return;
            } catch (ExecutionException e) {
                member.destroyForcibly();
            }
        }
        CompletableFuture.allOf(family.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                .orTimeout(10, TimeUnit.SECONDS)
                .exceptionally(ignored -> null)
                .join();
    }
}
