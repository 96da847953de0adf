package io.safaridesk.provisioning.cli;

import io.safaridesk.provisioning.cell.RealmCell;
import io.safaridesk.provisioning.cell.RealmCells;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

@Command(
        name = "cell",
        mixinStandardHelpOptions = true,
        description = "Operate realm cells (the Keycloak clusters that hold workspace realms). Exit codes: 0 done,"
                + " 1 failed, 2 bad arguments or not allowed now, 3 no such cell.",
        subcommands = {
            CellCommand.Add.class,
            CellCommand.ListCommand.class,
            CellCommand.Drain.class,
            CellCommand.Open.class,
            CellCommand.Update.class,
            CellCommand.Remove.class
        })
final class CellCommand {

    private final ApplicationContext context;

    CellCommand(ApplicationContext context) {
        this.context = context;
    }

    RealmCells cells() {
        return context.getBean(RealmCells.class);
    }

    JsonMapper json() {
        return context.getBean(JsonMapper.class);
    }

    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        CellCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        TenantCommand.Format format;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        void print(List<RealmCell> cells) {
            if (format.json) {
                out().println(parent.json().writeValueAsString(cells));
                return;
            }
            String row = "%-20s %-9s %11s  %-40s %s%n";
            out().printf(row, "NAME", "STATE", "WORKSPACES", "BASE URL", "INTERNAL URL");
            cells.forEach(c -> out().printf(
                            row,
                            c.name(),
                            c.state(),
                            c.workspaces() + "/" + c.capacity(),
                            c.baseUrl(),
                            c.internalUrl().equals(c.baseUrl()) ? "-" : c.internalUrl()));
            out().printf("%d cell(s)%n", cells.size());
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Register a Keycloak as a realm cell.")
    static final class Add extends Base {
        @Parameters(paramLabel = "<name>")
        String name;

        @Option(names = "--base-url", required = true, description = "The URL in its tokens' issuers.")
        URI baseUrl;

        @Option(names = "--internal-url", description = "The URL the services call (default: the base URL).")
        URI internalUrl;

        @Option(
                names = "--admin-credentials",
                description = "'default' (SAFARIDESK_KEYCLOAK_ADMIN_USER/_PASSWORD, the default) or env:<PREFIX>"
                        + " (<PREFIX>_USER and <PREFIX>_PASSWORD).")
        String adminCredentials;

        @Option(
                names = "--database",
                description =
                        "env:<PREFIX>: <PREFIX>_URL (JDBC), _USER, _PASSWORD of its Keycloak database, for moves.")
        String database;

        @Option(names = "--capacity", description = "Workspaces it takes (default: safaridesk.cells.default-capacity).")
        Integer capacity;

        @Override
        public Integer call() {
            print(List.of(parent.cells()
                    .add(new RealmCells.NewCell(name, baseUrl, internalUrl, adminCredentials, database, capacity))));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the realm cells and their load.")
    static final class ListCommand extends Base {
        @Override
        public Integer call() {
            print(parent.cells().list());
            return 0;
        }
    }

    /** A command on one cell that prints the cell afterwards. */
    abstract static class OnOneCell extends Base {
        @Parameters(paramLabel = "<name>")
        String name;

        abstract RealmCell apply(RealmCells cells, String cell);

        @Override
        public Integer call() {
            print(List.of(apply(parent.cells(), name)));
            return 0;
        }
    }

    @Command(name = "drain", mixinStandardHelpOptions = true, description = "Place no new workspaces in the cell.")
    static final class Drain extends OnOneCell {
        @Override
        RealmCell apply(RealmCells cells, String cell) {
            return cells.drain(cell);
        }
    }

    @Command(name = "open", mixinStandardHelpOptions = true, description = "Place new workspaces in a drained cell.")
    static final class Open extends OnOneCell {
        @Override
        RealmCell apply(RealmCells cells, String cell) {
            return cells.open(cell);
        }
    }

    @Command(
            name = "update",
            mixinStandardHelpOptions = true,
            description = "Change a cell's capacity or database reference.")
    static final class Update extends OnOneCell {
        @Option(names = "--capacity", description = "Workspaces it takes.")
        Integer capacity;

        @Option(names = "--database", description = "env:<PREFIX> naming its Keycloak database, for moves.")
        String database;

        @Override
        RealmCell apply(RealmCells cells, String cell) {
            return cells.update(cell, capacity, database);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Forget an empty cell.")
    static final class Remove extends Base {
        @Parameters(paramLabel = "<name>")
        String name;

        @Override
        public Integer call() {
            parent.cells().remove(name);
            out().println("Realm cell " + name + " removed.");
            return 0;
        }
    }
}
