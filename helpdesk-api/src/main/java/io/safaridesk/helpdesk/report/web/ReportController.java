package io.safaridesk.helpdesk.report.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.report.KbDeflectionReport;
import io.safaridesk.domain.report.Report;
import io.safaridesk.domain.report.ReportFilter;
import io.safaridesk.domain.report.Reports;
import io.safaridesk.domain.report.SatisfactionReport;
import io.safaridesk.domain.settings.Settings;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.web.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.ZoneId;
import java.util.function.BiFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports (docs/reference/reports.md): each over the caller's visible tickets in a period of the workspace's time
 * zone, filtered by {@link ReportParameters}; as JSON, or CSV with {@code ?format=csv} or {@code Accept: text/csv}.
 */
@Callers({ADMIN, AGENT})
@Tag(name = "Reports")
@RestController
@Validated
@RequestMapping("/api/v1/reports")
class ReportController {

    private final Reports reports;
    private final SatisfactionReport satisfaction;
    private final KbDeflectionReport kbDeflection;
    private final Settings settings;
    private final Clock clock;

    ReportController(
            Reports reports,
            SatisfactionReport satisfaction,
            KbDeflectionReport kbDeflection,
            Settings settings,
            Clock clock) {
        this.reports = reports;
        this.satisfaction = satisfaction;
        this.kbDeflection = kbDeflection;
        this.settings = settings;
        this.clock = clock;
    }

    @Operation(summary = "Created, solved, reopened and backlog per bucket; reopen rate")
    @GetMapping("/volume")
    ResponseEntity<?> volume(
            ReportParameters parameters,
            @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Actor actor) {
        return answer(reports::volume, parameters, format, accept, actor);
    }

    @Operation(summary = "First-response and resolution times: median and p90, calendar and business time")
    @GetMapping("/response-times")
    ResponseEntity<?> responseTimes(
            ReportParameters parameters,
            @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Actor actor) {
        return answer(reports::responseTimes, parameters, format, accept, actor);
    }

    @Operation(summary = "SLA compliance per metric, policy and priority")
    @GetMapping("/sla")
    ResponseEntity<?> sla(
            ReportParameters parameters,
            @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Actor actor) {
        return answer(reports::slaCompliance, parameters, format, accept, actor);
    }

    @Operation(summary = "The SLA clocks breached in the period, a page at a time; as CSV, all of them in one download")
    @GetMapping("/sla/breaches")
    ResponseEntity<?> breaches(
            ReportParameters parameters,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Actor actor) {
        if (ReportResponses.wantsCsv(format, accept)) {
            return ReportResponses.of(reports.breachTable(filter(parameters, actor), actor), true);
        }
        KeysetPage<Reports.Breach> page = reports.breaches(filter(parameters, actor), actor, cursor, limit);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(page);
    }

    @Operation(summary = "Per agent: assigned, unsolved now, solved, public replies, median handle times")
    @GetMapping("/agents")
    ResponseEntity<?> agents(
            ReportParameters parameters,
            @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Actor actor) {
        return answer(reports::agents, parameters, format, accept, actor);
    }

    @Operation(summary = "Per department (team): as the agents report")
    @GetMapping("/departments")
    ResponseEntity<?> departments(
            ReportParameters parameters,
            @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Actor actor) {
        return answer(reports::departments, parameters, format, accept, actor);
    }

    @Operation(summary = "Tickets created per channel, their share and how many are solved")
    @GetMapping("/channels")
    ResponseEntity<?> channels(
            ReportParameters parameters,
            @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Actor actor) {
        return answer(reports::channels, parameters, format, accept, actor);
    }

    @Operation(summary = "Satisfaction surveys sent, answered, good and bad per bucket; CSAT score and response rate")
    @GetMapping("/satisfaction")
    ResponseEntity<?> satisfaction(
            ReportParameters parameters,
            @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Actor actor) {
        return answer(satisfaction::overTime, parameters, format, accept, actor);
    }

    @Operation(summary = "Satisfaction per agent who held the ticket when it was solved")
    @GetMapping("/satisfaction/agents")
    ResponseEntity<?> satisfactionByAgent(
            ReportParameters parameters,
            @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Actor actor) {
        return answer(satisfaction::agents, parameters, format, accept, actor);
    }

    @Operation(summary = "Satisfaction per department the ticket was in when it was solved")
    @GetMapping("/satisfaction/departments")
    ResponseEntity<?> satisfactionByDepartment(
            ReportParameters parameters,
            @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Actor actor) {
        return answer(satisfaction::departments, parameters, format, accept, actor);
    }

    @Operation(
            summary = "KB deflection: portal reading not followed by a web-form ticket, web-form tickets after reading")
    @GetMapping("/kb-deflection")
    ResponseEntity<?> kbDeflection(
            ReportParameters parameters,
            @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Actor actor) {
        return answer(kbDeflection::deflection, parameters, format, accept, actor);
    }

    private ResponseEntity<?> answer(
            BiFunction<ReportFilter, Actor, Report> report,
            ReportParameters parameters,
            String format,
            String accept,
            Actor actor) {
        boolean csv = ReportResponses.wantsCsv(format, accept);
        return ReportResponses.of(report.apply(filter(parameters, actor), actor), csv);
    }

    private ReportFilter filter(ReportParameters parameters, Actor actor) {
        return parameters.toFilter(actor, ZoneId.of(settings.current().timeZone()), clock);
    }
}
