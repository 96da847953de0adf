package io.safaridesk.helpdesk;

import io.safaridesk.domain.HelpdeskFeatures;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = {"io.safaridesk.helpdesk", "io.safaridesk.platform"})
@HelpdeskFeatures({
    "agent",
    "apitoken",
    "attachment",
    "automation",
    "contact",
    "department",
    "export",
    "history",
    "inbound",
    "kb",
    "macro",
    "mail",
    "notification",
    "profile",
    "report",
    "satisfaction",
    "settings",
    "sla",
    "task",
    "ticket",
    "webhook"
})
public class HelpdeskApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(HelpdeskApiApplication.class, args);
    }
}
