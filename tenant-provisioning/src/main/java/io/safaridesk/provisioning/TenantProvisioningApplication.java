package io.safaridesk.provisioning;

import io.safaridesk.provisioning.cli.TenantCli;
import java.io.PrintWriter;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class TenantProvisioningApplication {

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("tenant") || args[0].equals("cell"))) {
            PrintWriter out = new PrintWriter(System.out, true);
            PrintWriter err = new PrintWriter(System.err, true);
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            System.exit(args[0].equals("tenant") ? TenantCli.run(rest, out, err) : TenantCli.runCell(rest, out, err));
        }
        SpringApplication.run(TenantProvisioningApplication.class, args);
    }
}
