package io.safaridesk.provisioning;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TenantProvisioningApplication {

    public static void main(String[] args) {
        SpringApplication.run(TenantProvisioningApplication.class, args);
    }
}
