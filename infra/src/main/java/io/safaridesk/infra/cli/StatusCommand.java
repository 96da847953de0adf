package io.safaridesk.infra.cli;

import io.safaridesk.infra.stack.StackSettings;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Says whether SafariDesk runs, and where. Exit code 3 when it does not.")
final class StatusCommand implements Callable<Integer> {

    static final int NOT_RUNNING = 3;

    @Override
    public Integer call() {
        StackSettings settings = StackSettings.fromEnvironment(System.getenv());
        Optional<StackState> state = StackState.read(settings.home()).filter(StackState::isRunning);
        if (state.isEmpty()) {
            System.out.println("SafariDesk is not running (data folder " + settings.home() + ").");
            return NOT_RUNNING;
        }
        System.out.println("SafariDesk runs (pid " + state.get().pid() + ", data folder " + settings.home() + "):");
        state.get().urls().forEach((name, url) -> System.out.printf("  %-20s %s%n", name, url));
        return 0;
    }
}
