package io.safaridesk.provisioning;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication(scanBasePackages = {"io.safaridesk.provisioning", "io.safaridesk.platform"})
@EnableScheduling
public class TenantProvisioningApplication {

    public static void main(String[] args) {
        SpringApplication.run(TenantProvisioningApplication.class, args);
    }
}
