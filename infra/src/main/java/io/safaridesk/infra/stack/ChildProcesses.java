package io.safaridesk.infra.stack;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Stops child processes and every process they started, politely first, then by force. */
public final class ChildProcesses {

    private ChildProcesses() {}

    public static void stop(Process process, Duration grace) {
        stop(List.of(process.toHandle()), grace);
    }

    public static void stop(ProcessHandle process, Duration grace) {
        stop(List.of(process), grace);
    }

    /**
     * Asks every process and its descendants to stop at once, gives them {@code grace} in all (not each), then kills
     * what is left.
     */
    public static void stop(Collection<ProcessHandle> processes, Duration grace) {
        List<ProcessHandle> family = processes.stream()
                .flatMap(process -> Stream.concat(Stream.of(process), process.descendants()))
                .toList();
        family.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle member : family) {
            try {
                member.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
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
