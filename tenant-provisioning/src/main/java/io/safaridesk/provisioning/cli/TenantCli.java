package io.safaridesk.provisioning.cli;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.provisioning.TenantProvisioningApplication;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * Runs {@code safaridesk tenant <command>} and {@code safaridesk cell <command>}: the provisioning service's code
 * without its web server or background runners, against the same database and Keycloak cells.
 *
 * <p>Exit codes: 0 done, 1 failed, 2 bad arguments, 3 no such workspace or cell, 4 some workspaces failed (migrate).
 */
public final class TenantCli {

    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    public static final int PARTIAL_FAILURE = 4;

    private TenantCli() {}

    /** {@code safaridesk tenant <args>}. */
    @SafeVarargs
    public static int run(
            String[] args,
            PrintWriter out,
            PrintWriter err,
            ApplicationContextInitializer<ConfigurableApplicationContext>... initializers) {
        return run("tenant", TenantCommand::new, args, out, err, initializers);
    }

    /** {@code safaridesk cell <args>}. */
    @SafeVarargs
    public static int runCell(
            String[] args,
            PrintWriter out,
            PrintWriter err,
            ApplicationContextInitializer<ConfigurableApplicationContext>... initializers) {
        return run("cell", CellCommand::new, args, out, err, initializers);
    }

    /** {@code safaridesk tenant <args>} in a running provisioning service (its operator endpoint). */
    public static int tenant(ApplicationContext context, String[] args, PrintWriter out, PrintWriter err) {
        return answeredWithoutContext("tenant", TenantCommand::new, args, out, err)
                .orElseGet(() -> execute("tenant", TenantCommand::new, context, args, out, err));
    }

    /** {@code safaridesk cell <args>} in a running provisioning service (its operator endpoint). */
    public static int cell(ApplicationContext context, String[] args, PrintWriter out, PrintWriter err) {
        return answeredWithoutContext("cell", CellCommand::new, args, out, err)
                .orElseGet(() -> execute("cell", CellCommand::new, context, args, out, err));
    }

    private static int run(
            String name,
            Function<ApplicationContext, Object> command,
            String[] args,
            PrintWriter out,
            PrintWriter err,
            ApplicationContextInitializer<ConfigurableApplicationContext>[] initializers) {
        Optional<Integer> answered = answeredWithoutContext(name, command, args, out, err);
        if (answered.isPresent()) {
            return answered.get();
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TenantProvisioningApplication.class)
                .web(WebApplicationType.NONE)
                .properties(Map.of(
                        "safaridesk.provisioning.runner-enabled", "false",
                        "safaridesk.outbox.relay-enabled", "false",
                        "spring.main.banner-mode", "off",
                        "logging.level.root", "WARN",
                        "logging.level.io.safaridesk", "WARN"))
                .initializers(initializers)
                .run()) {
            return execute(name, command, context, args, out, err);
        }
    }

    /** Bad arguments and help need no services: answered here, before any context starts. */
    private static Optional<Integer> answeredWithoutContext(
            String name,
            Function<ApplicationContext, Object> command,
            String[] args,
            PrintWriter out,
            PrintWriter err) {
        CommandLine parseOnly = new CommandLine(command.apply(null));
        parseOnly.setOut(out);
        parseOnly.setErr(err);
        try {
            parseOnly.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("safaridesk " + name + ": " + e.getMessage());
            e.getCommandLine().usage(err);
            return Optional.of(USAGE);
        }
        if (parseOnly.isUsageHelpRequested() || anySubcommandAskedForHelp(parseOnly)) {
            return Optional.of(parseOnly.execute(args));
        }
        return Optional.empty();
    }

    private static int execute(
            String name,
            Function<ApplicationContext, Object> command,
            ApplicationContext context,
            String[] args,
            PrintWriter out,
            PrintWriter err) {
        CommandLine commandLine = new CommandLine(command.apply(context));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("safaridesk " + name + ": " + e.getMessage());
            if (e instanceof ApiProblem problem) {
                return problem.status().value() == 404
                        ? NOT_FOUND
                        : problem.status().is4xxClientError() ? USAGE : FAILED;
            }
            return e instanceof IllegalArgumentException ? USAGE : FAILED;
        });
        return commandLine.execute(args);
    }

    private static boolean anySubcommandAskedForHelp(CommandLine commandLine) {
        CommandLine.ParseResult result = commandLine.getParseResult();
        while (result != null) {
            if (result.isUsageHelpRequested()) {
                return true;
            }
            result = result.subcommand();
        }
        return false;
    }
}
