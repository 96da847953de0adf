package io.safaridesk.infra.cli;

import io.safaridesk.infra.stack.LocalStack;
import io.safaridesk.infra.stack.Ports;
import io.safaridesk.infra.stack.ServiceEndpoints;
import io.safaridesk.infra.stack.StackSettings;
import io.safaridesk.infra.stack.StartupWait;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Starts every dependency that no SAFARIDESK_* variable names, then the three services, and prints one"
                    + " 'SafariDesk is ready:' line. Runs until Ctrl-C or 'safaridesk down'."
        })
final class UpCommand implements Callable<Integer> {

    @Option(
            names = "--services",
            split = ",",
            description = "Which services to run (default: ${DEFAULT-VALUE}); empty for none.",
            defaultValue = "helpdesk-api,tenant-provisioning,worker")
    List<String> services = new ArrayList<>();

    @Option(names = "--no-services", description = "Start only the dependencies (what CI uses).")
    boolean noServices;

    @Option(
            names = "--repo",
            description = "The SafariDesk checkout whose built jars to run.",
            defaultValue = "${sys:safaridesk.repo:-.}")
    Path repo;

    @Option(
            names = "--jar",
            description = "Run NAME from this jar instead of the checkout's: NAME=PATH.",
            hidden = true)
    Map<String, Path> jars = new HashMap<>();

    /** Lets the services answer {@code tenant|cell|dlq} commands through {@link OperatorClient}. */
    static final String OPERATOR_TOKEN = "SAFARIDESK_OPERATOR_TOKEN";

    static final String SHUTDOWN_TIMEOUT = "SAFARIDESK_SHUTDOWN_TIMEOUT";

    private final Map<String, String> env = System.getenv();

    @Override
    public Integer call() throws InterruptedException {
        long startedAt = System.nanoTime();
        StackSettings settings = StackSettings.fromEnvironment(env);
        StackState.read(settings.home()).filter(StackState::isRunning).ifPresent(running -> {
            throw new IllegalStateException("SafariDesk already runs (pid " + running.pid()
                    + "); see 'safaridesk status', or stop it with 'safaridesk down'.");
        });
        List<ServiceProcess.Service> toRun = servicesToRun();
        toRun.forEach(s -> Ports.requireFree(s.port(), s.name(), s.portVariable()));
        StartupWait startupWait = StartupWait.fromEnvironment(env);
        String operatorToken = env.getOrDefault(OPERATOR_TOKEN, newOperatorToken());

        List<ServiceProcess> processes = new CopyOnWriteArrayList<>();
        AtomicReference<LocalStack> started = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stopAll = new Thread(
                () -> {
                    // the services first, together, while the stand-ins they use still answer; then the stand-ins
                    ServiceProcess.stopAll(processes);
                    Optional.ofNullable(started.get()).ifPresent(LocalStack::close);
                    StackState.delete(settings.home());
                    stopped.countDown();
                },
                "safaridesk-down");
        Runtime.getRuntime().addShutdownHook(stopAll);
        try {
            LocalStack stack = LocalStack.start(env, settings);
            started.set(stack);
            stack.descriptions().forEach(d -> System.out.println("  " + d));
            Map<String, String> serviceEnvironment =
                    new HashMap<>(stack.endpoints().asEnvironment());
            serviceEnvironment.put(OPERATOR_TOKEN, operatorToken);
            // a local service finishes its in-flight work well inside the launcher's stop grace, so that down and
            // Ctrl-C end in seconds even on a loaded machine; an operator's own setting wins
            if (System.getenv(SHUTDOWN_TIMEOUT) == null) {
                serviceEnvironment.put(SHUTDOWN_TIMEOUT, "5s");
            }
            for (ServiceProcess.Service service : toRun) {
                processes.add(ServiceProcess.start(
                        service, serviceEnvironment, settings.home().resolve("logs")));
            }
            for (ServiceProcess process : processes) {
                process.awaitReady(startupWait);
                System.out.println("  " + process.service().name() + " "
                        + process.service().url());
            }
            StackState state = new StackState(ProcessHandle.current().pid(), urls(toRun, stack.endpoints()));
            state.write(settings.home());
            StackState.writeEnvironment(settings.home(), stack.endpoints().asEnvironment());
            StackState.writeOperatorToken(settings.home(), operatorToken);
            System.out.printf("  everything answered after %.1f s%n", (System.nanoTime() - startedAt) / 1e9);
            System.out.println(state.readyLine());
            System.out.flush();
        } catch (RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(stopAll);
            stopAll.run();
            throw e;
        }
        stopped.await();
        return 0;
    }

    /** A secret of this run: the services answer operator commands only to whoever can read the run folder. */
    private static String newOperatorToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private List<ServiceProcess.Service> servicesToRun() {
        if (noServices) {
            return List.of();
        }
        List<ServiceProcess.Service> result = new ArrayList<>();
        for (String name : services) {
            if (name.isBlank()) {
                continue;
            }
            ServiceCatalog.Entry entry = ServiceCatalog.find(name);
            Path jar = jars.getOrDefault(name, repo.resolve(entry.jar()));
            result.add(new ServiceProcess.Service(name, jar.toAbsolutePath(), entry.portVariable(), portOf(entry)));
        }
        return result;
    }

    private int portOf(ServiceCatalog.Entry entry) {
        String value = env.get(entry.portVariable());
        try {
            return value == null ? entry.defaultPort() : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(entry.portVariable() + " must be a port number, was: " + value);
        }
    }

    private static Map<String, String> urls(List<ServiceProcess.Service> services, ServiceEndpoints endpoints) {
        Map<String, String> urls = new LinkedHashMap<>();
        services.forEach(s -> urls.put(s.name(), s.url().toString()));
        urls.put("keycloak", endpoints.keycloak().url().toString());
        ServiceEndpoints.Mail mail = endpoints.mail();
        urls.put("mail-smtp", "smtp://" + mail.smtpHost() + ":" + mail.smtpPort());
        urls.put("mail-imap", "imap://" + mail.imapHost() + ":" + mail.imapPort());
        urls.put("postgres", endpoints.database().jdbcUrl());
        return urls;
    }
}
