package io.safaridesk.helpdesk.satisfaction.web;

import static io.safaridesk.domain.apitoken.ApiScope.TICKETS_READ;
import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.satisfaction.Rating;
import io.safaridesk.domain.satisfaction.Satisfaction;
import io.safaridesk.domain.satisfaction.SatisfactionSettings;
import io.safaridesk.domain.satisfaction.SurveySettings;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.web.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff's side of satisfaction: a ticket's surveys, the list of answers, and the admins' settings. */
@Tag(name = "Satisfaction")
@RestController
@Validated
class SatisfactionController {

    private final Satisfaction satisfaction;
    private final SurveySettings settings;

    SatisfactionController(Satisfaction satisfaction, SurveySettings settings) {
        this.satisfaction = satisfaction;
        this.settings = settings;
    }

    record SettingsRequest(
            @NotNull Boolean enabled, @NotNull Integer delayMinutes) {}

    @Operation(summary = "The ticket's surveys, one per solve, with their rating and comment")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = TICKETS_READ)
    @GetMapping("/api/v1/tickets/{id}/satisfaction")
    List<Satisfaction.Survey> ofTicket(@PathVariable long id, Actor actor) {
        return satisfaction.ofTicket(id, actor);
    }

    @Operation(summary = "Answered surveys, newest first: all for admins, an agent's own for agents")
    @Callers({ADMIN, AGENT})
    @GetMapping("/api/v1/satisfaction/answers")
    KeysetPage<Satisfaction.Survey> answers(
            @RequestParam(required = false) String rating,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            Actor actor) {
        return satisfaction.answers(actor, rating == null ? null : Rating.of("rating", rating), cursor, limit);
    }

    @Operation(summary = "Whether solved tickets get a survey, and how many minutes after the solve")
    @Callers({ADMIN, AGENT})
    @GetMapping("/api/v1/settings/satisfaction")
    SatisfactionSettings settings() {
        return settings.current();
    }

    @Operation(summary = "Turns surveys on or off and sets their delay (0 to 43200 minutes)")
    @Callers(ADMIN)
    @PutMapping("/api/v1/settings/satisfaction")
    SatisfactionSettings update(@Valid @RequestBody SettingsRequest request, Actor actor) {
        return settings.update(request.enabled(), request.delayMinutes(), actor);
    }
}
