package io.safaridesk.worker;

import io.safaridesk.worker.messaging.DlqCli;
import java.io.PrintWriter;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = {"io.safaridesk.worker", "io.safaridesk.platform"})
public class WorkerApplication {

    /** Starts the worker, or with {@code dlq ...} runs the dead-letter queue command and exits. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("dlq")) {
            System.exit(DlqCli.run(
                    Arrays.copyOfRange(args, 1, args.length),
                    System.getenv(),
                    new PrintWriter(System.out, true),
                    new PrintWriter(System.err, true)));
        }
        SpringApplication.run(WorkerApplication.class, args);
    }
}
