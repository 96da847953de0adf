package io.safaridesk.infra.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code infra/bin/safaridesk}: the operator's entry point to the local stack.
 *
 * <p>Exit codes: 0 done, 1 failed, 2 bad arguments or a port already in use, 3 (status) not running.
 */
@Command(
        name = "safaridesk",
        mixinStandardHelpOptions = true,
        description = "Runs SafariDesk locally: its dependencies and its three services.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class})
public final class SafariDeskCommand {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SafariDeskCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("safaridesk: " + e.getMessage());
            if (System.getenv("SAFARIDESK_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            return e instanceof IllegalArgumentException
                            || e instanceof io.safaridesk.infra.stack.Ports.PortTakenException
                    ? 2
                    : 1;
        });
        return commandLine;
    }
}
