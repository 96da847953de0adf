package io.safaridesk.helpdesk.sla.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.sla.SlaConfiguration;
import io.safaridesk.domain.sla.SlaSettings;
import io.safaridesk.helpdesk.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The seed's SLA configuration paths. */
@Tag(name = "SLA")
@RestController
@RequestMapping("/api/v1/sla/config")
class SlaConfigController {

    private final SlaSettings settings;

    SlaConfigController(SlaSettings settings) {
        this.settings = settings;
    }

    record ConfigRequest(Boolean allowSla, Boolean allowHolidays, Integer atRiskPercent, Integer version) {

        SlaSettings.Changes toChanges() {
            return new SlaSettings.Changes(allowSla, allowHolidays, atRiskPercent, version);
        }
    }

    record ConfigView(boolean allowSla, boolean allowHolidays, int atRiskPercent, Instant updatedAt, int version) {

        static ConfigView of(SlaConfiguration c) {
            return new ConfigView(c.allowSla(), c.allowHolidays(), c.atRiskPercent(), c.updatedAt(), c.version());
        }
    }

    @Operation(summary = "Whether SLAs run, whether calendars' holidays count, and when a ticket is at risk")
    @Callers({ADMIN, AGENT})
    @GetMapping("/current")
    ConfigView current() {
        return ConfigView.of(settings.current());
    }

    @Operation(
            summary = "Changes the SLA configuration; omitted fields stay. With allow_sla off no targets are computed"
                    + " and no breaches raised; with allow_holidays off calendars' holidays are ignored")
    @Callers(ADMIN)
    @PostMapping("/update_config")
    ConfigView update(@RequestBody ConfigRequest request) {
        return ConfigView.of(settings.change(request.toChanges()));
    }
}
