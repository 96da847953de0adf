package io.safaridesk.provisioning.cli;

import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.platform.tenancy.TenantStatus;
import io.safaridesk.provisioning.operator.WorkspaceOperations;
import io.safaridesk.provisioning.signup.SignUp;
import io.safaridesk.provisioning.tenant.Tenant;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

@Command(
        name = "tenant",
        mixinStandardHelpOptions = true,
        description = "Operate workspaces. Exit codes: 0 done, 1 failed, 2 bad arguments, 3 no such workspace,"
                + " 4 some workspaces failed.",
        subcommands = {
            TenantCommand.Provision.class,
            TenantCommand.ListCommand.class,
            TenantCommand.Show.class,
            TenantCommand.Suspend.class,
            TenantCommand.Resume.class,
            TenantCommand.Retry.class,
            TenantCommand.Migrate.class,
            TenantCommand.Move.class,
            TenantCommand.Deprovision.class
        })
final class TenantCommand {

    private final ApplicationContext context;

    TenantCommand(ApplicationContext context) {
        this.context = context;
    }

    WorkspaceOperations operations() {
        return context.getBean(WorkspaceOperations.class);
    }

    JsonMapper json() {
        return context.getBean(JsonMapper.class);
    }

    /** The --json switch every command shares. */
    static final class Format {
        @Option(names = "--json", description = "Print JSON for scripts instead of a table.")
        boolean json;
    }

    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        TenantCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        Format format;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        void print(List<Tenant> tenants) {
            List<TenantRow> rows = tenants.stream().map(TenantRow::of).toList();
            if (format.json) {
                out().println(parent.json().writeValueAsString(rows));
            } else {
                TenantRow.printTable(rows, out());
            }
        }

        void print(Tenant tenant) {
            TenantRow row = TenantRow.of(tenant, parent.operations().job(tenant));
            if (format.json) {
                out().println(parent.json().writeValueAsString(row));
            } else {
                row.printDetails(out());
            }
        }
    }

    @Command(name = "provision", mixinStandardHelpOptions = true, description = "Create and provision a workspace.")
    static final class Provision extends Base {
        @Option(names = "--name", required = true, description = "Business name.")
        String name;

        @Option(names = "--slug", required = true, description = "Workspace slug: realm and schema name.")
        String slug;

        @Option(names = "--domain", required = true, description = "The business's email domain.")
        String domain;

        @Option(names = "--admin-email", required = true)
        String adminEmail;

        @Option(names = "--admin-name", required = true)
        String adminName;

        @Option(
                names = "--admin-password",
                description = "The first admin's password (default: $SAFARIDESK_ADMIN_PASSWORD).",
                defaultValue = "${env:SAFARIDESK_ADMIN_PASSWORD}")
        String adminPassword;

        @Option(names = "--skip-domain-verification", description = "The operator vouches for the domain.")
        boolean skipDomainVerification;

        @Option(names = "--wait", description = "Seconds to keep retrying while a dependency is down (default 120).")
        long waitSeconds = 120;

        @Override
        public Integer call() {
            if (adminPassword == null || adminPassword.isBlank()) {
                throw new IllegalArgumentException("Give --admin-password or set SAFARIDESK_ADMIN_PASSWORD");
            }
            Tenant tenant = parent.operations()
                    .provision(
                            new SignUp.Registration(name, slug, domain, adminName, adminEmail, adminPassword),
                            skipDomainVerification,
                            Duration.ofSeconds(waitSeconds));
            print(tenant);
            return finishedOrWaiting(tenant, out());
        }
    }

    /**
     * Exit 0 only for a workspace that is active or waits for its domain to be verified; one still provisioning when
     * the operator's patience ran out is not a success (the service's runner goes on with it).
     */
    static int finishedOrWaiting(Tenant tenant, PrintWriter out) {
        return switch (tenant.status()) {
            case FAILED -> TenantCli.FAILED;
            case PROVISIONING -> {
                out.println("still provisioning: the service goes on with it; see 'tenant show " + tenant.slug() + "'");
                yield TenantCli.FAILED;
            }
            default -> 0;
        };
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List live workspaces.")
    static final class ListCommand extends Base {
        @Option(names = "--status", description = "Only workspaces in this status: ${COMPLETION-CANDIDATES}.")
        TenantStatus status;

        @Override
        public Integer call() {
            print(parent.operations().list(Optional.ofNullable(status)));
            return 0;
        }
    }

    /** A command on one workspace that prints the workspace afterwards. */
    abstract static class OnOneWorkspace extends Base {
        @Parameters(paramLabel = "<slug>")
        String slug;

        abstract Tenant apply(WorkspaceOperations operations, TenantSlug workspace);

        @Override
        public Integer call() {
            print(apply(parent.operations(), TenantSlug.of(slug)));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one workspace.")
    static final class Show extends OnOneWorkspace {
        @Override
        Tenant apply(WorkspaceOperations operations, TenantSlug workspace) {
            return operations.show(workspace);
        }
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true, description = "Disable the realm; the API answers 403.")
    static final class Suspend extends OnOneWorkspace {
        @Override
        Tenant apply(WorkspaceOperations operations, TenantSlug workspace) {
            return operations.suspend(workspace);
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Serve a suspended workspace again.")
    static final class Resume extends OnOneWorkspace {
        @Override
        Tenant apply(WorkspaceOperations operations, TenantSlug workspace) {
            return operations.resume(workspace);
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true, description = "Resume a failed provisioning.")
    static final class Retry extends Base {
        @Parameters(paramLabel = "<slug>")
        String slug;

        @Option(names = "--wait", description = "Seconds to keep retrying while a dependency is down (default 120).")
        long waitSeconds = 120;

        @Override
        public Integer call() {
            Tenant tenant =
                    parent.operations().resumeProvisioning(TenantSlug.of(slug), Duration.ofSeconds(waitSeconds));
            print(tenant);
            return tenant.status() == TenantStatus.ACTIVE ? 0 : TenantCli.FAILED;
        }
    }

    @Command(
            name = "migrate",
            mixinStandardHelpOptions = true,
            description = "Apply pending tenant migrations to one workspace or all, in parallel.")
    static final class Migrate extends Base {
        @ArgGroup(multiplicity = "1")
        Target target;

        static final class Target {
            @Parameters(paramLabel = "<slug>")
            String slug;

            @Option(names = "--all", description = "Every active, suspended or provisioning workspace.")
            boolean all;
        }

        @Option(names = "--parallelism", description = "Workspaces migrated at once (default 4).")
        int parallelism = 4;

        @Override
        public Integer call() {
            List<TenantSlug> slugs = target.all
                    ? parent.operations().migratable()
                    : List.of(
                            parent.operations().show(TenantSlug.of(target.slug)).slug());
            List<WorkspaceOperations.MigrationResult> results =
                    parent.operations().migrate(slugs, parallelism);
            List<WorkspaceOperations.MigrationResult> failed =
                    results.stream().filter(r -> !r.succeeded()).toList();
            if (format.json) {
                out().println(parent.json().writeValueAsString(results));
            } else {
                results.forEach(r -> out().printf(
                                "%-34s %s%n",
                                r.slug(), r.succeeded() ? "ok, " + r.applied() + " applied" : "FAILED: " + r.error()));
                out().printf("%d workspace(s) migrated, %d failed%n", results.size() - failed.size(), failed.size());
            }
            return failed.isEmpty() ? 0 : TenantCli.PARTIAL_FAILURE;
        }
    }

    @Command(
            name = "move",
            mixinStandardHelpOptions = true,
            description = "Move a workspace's realm, users and credentials to another realm cell; the workspace is"
                    + " read-only meanwhile.")
    static final class Move extends Base {
        @Parameters(paramLabel = "<slug>")
        String slug;

        @Option(names = "--to", required = true, description = "The target cell.")
        String to;

        @Override
        public Integer call() {
            WorkspaceOperations.MoveResult result = parent.operations().move(TenantSlug.of(slug), to);
            if (format.json) {
                out().println(parent.json().writeValueAsString(result));
            } else {
                out().printf(
                                "Workspace %s moved from %s to %s: %d user(s), %d credential(s); read-only for %d s%n",
                                result.slug(),
                                result.from(),
                                result.to(),
                                result.users(),
                                result.credentials(),
                                result.readOnlyFor().toSeconds());
            }
            return 0;
        }
    }

    @Command(
            name = "deprovision",
            mixinStandardHelpOptions = true,
            description = "Drop a workspace's schema and realm. Needs --confirm <slug>. Idempotent.")
    static final class Deprovision extends Base {
        @Parameters(paramLabel = "<slug>")
        String slug;

        @Option(names = "--confirm", required = true, description = "The slug again, to confirm.")
        String confirm;

        @Override
        public Integer call() {
            if (!slug.equals(confirm)) {
                throw new IllegalArgumentException("--confirm must repeat the slug '" + slug + "'");
            }
            boolean existed = parent.operations().deprovision(TenantSlug.of(slug));
            out().println(
                            existed
                                    ? "Workspace " + slug + " deprovisioned."
                                    : "Workspace " + slug + " was gone already.");
            return 0;
        }
    }
}
