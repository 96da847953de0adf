package io.safaridesk.helpdesk.satisfaction.web;

import static io.safaridesk.helpdesk.security.Caller.ANYONE;

import io.safaridesk.domain.satisfaction.Rating;
import io.safaridesk.domain.satisfaction.Satisfaction;
import io.safaridesk.helpdesk.satisfaction.PortalSurveys;
import io.safaridesk.helpdesk.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The anonymous survey page's API: the link in the survey mail carries the token; the page shows the survey and
 * records the rating the link named, then an optional comment.
 */
@Callers(ANYONE)
@Tag(name = "Customer portal")
@RestController
@RequestMapping("/api/v1/portal/{slug}/satisfaction/{token}")
class PortalSurveyController {

    private final PortalSurveys surveys;

    PortalSurveyController(PortalSurveys surveys) {
        this.surveys = surveys;
    }

    record SurveyAnswer(String rating, @Size(max = 5000) String comment) {}

    @Operation(summary = "The survey a link names: the ticket and the answer so far (no token of a login needed)")
    @GetMapping
    Satisfaction.SurveyView view(@PathVariable String slug, @PathVariable String token) {
        return surveys.view(slug, token);
    }

    @Operation(
            summary =
                    "Rates the ticket good or bad, with an optional comment (null keeps it, blank clears it); the last"
                            + " answer before the link expires wins")
    @PutMapping
    Satisfaction.SurveyView answer(
            @PathVariable String slug, @PathVariable String token, @Valid @RequestBody SurveyAnswer answer) {
        return surveys.answer(slug, token, Rating.of("rating", answer.rating()), answer.comment());
    }
}
