package io.safaridesk.helpdesk.report.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.report.Dashboard;
import io.safaridesk.domain.settings.Settings;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.actor.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The seed's dashboard and onboarding checklist. */
@Callers({ADMIN, AGENT})
@Tag(name = "Dashboard (seed paths)")
@RestController
@RequestMapping("/api/v1/dashboard")
class DashboardController {

    private final Dashboard dashboard;
    private final Settings settings;
    private final Clock clock;

    DashboardController(Dashboard dashboard, Settings settings, Clock clock) {
        this.dashboard = dashboard;
        this.settings = settings;
        this.clock = clock;
    }

    @Operation(
            summary = "The dashboard of today, this week, this month or a range (start, end) in the workspace's zone")
    @GetMapping("/data")
    DashboardView data(DashboardParameters parameters, Actor actor) {
        ZoneId zone = ZoneId.of(settings.current().timeZone());
        return DashboardView.of(parameters.q(), dashboard.data(parameters.toPeriod(zone, clock), actor));
    }

    @Operation(summary = "The onboarding checklist, computed from the workspace's state")
    @GetMapping("/get-started")
    Dashboard.GetStarted getStarted() {
        return dashboard.getStarted();
    }
}
