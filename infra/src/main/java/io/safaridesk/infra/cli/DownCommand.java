package io.safaridesk.infra.cli;

import io.safaridesk.infra.stack.ChildProcesses;
import io.safaridesk.infra.stack.StackSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

@Command(
        name = "down",
        mixinStandardHelpOptions = true,
        description = "Stops a running 'safaridesk up' and everything it started.")
final class DownCommand implements Callable<Integer> {

    /** How long the stack may take to stop in order before what is left is killed. */
    static final Duration GRACE = Duration.ofSeconds(25);

    @Override
    public Integer call() {
        StackSettings settings = StackSettings.fromEnvironment(System.getenv());
        Optional<StackState> state = StackState.read(settings.home()).filter(StackState::isRunning);
        if (state.isEmpty()) {
            StackState.delete(settings.home());
            System.out.println("SafariDesk is not running.");
            return 0;
        }
        ProcessHandle launcher = ProcessHandle.of(state.get().pid()).orElseThrow();
        List<ProcessHandle> family =
                Stream.concat(Stream.of(launcher), launcher.descendants()).toList();
        long startedAt = System.nanoTime();
        // Only the launcher is asked: its shutdown hook stops the services, then the stand-ins they use, in order.
        launcher.destroy();
        try {
            launcher.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException stillRunning) {
            System.err.println("safaridesk: the stack did not stop within " + GRACE.toSeconds() + " s; killing it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ChildProcesses.stop(family.stream().filter(ProcessHandle::isAlive).toList(), Duration.ZERO);
        StackState.delete(settings.home());
        System.out.printf("SafariDesk stopped (%.1f s).%n", (System.nanoTime() - startedAt) / 1e9);
        return 0;
    }
}
