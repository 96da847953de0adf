package io.safaridesk.infra.cli;

import io.safaridesk.infra.stack.ChildProcesses;
import io.safaridesk.infra.stack.StackSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
        name = "down",
        mixinStandardHelpOptions = true,
        description = "Stops a running 'safaridesk up' and everything it started.")
final class DownCommand implements Callable<Integer> {

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
        ChildProcesses.stop(launcher, Duration.ofSeconds(90));
        System.out.println("SafariDesk stopped.");
        return 0;
    }
}
