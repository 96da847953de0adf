package io.safaridesk.helpdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = {"io.safaridesk.helpdesk", "io.safaridesk.platform"})
public class HelpdeskApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(HelpdeskApiApplication.class, args);
    }
}
