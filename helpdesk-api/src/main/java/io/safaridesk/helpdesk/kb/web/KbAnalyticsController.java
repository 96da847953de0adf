package io.safaridesk.helpdesk.kb.web;

import static io.safaridesk.domain.apitoken.ApiScope.KB_READ;
import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.kb.KbAnalytics;
import io.safaridesk.helpdesk.kb.web.KbViews.RankedView;
import io.safaridesk.helpdesk.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What readers do with the knowledge base, for admins and agents. */
@Callers(
        value = {ADMIN, AGENT},
        tokens = KB_READ)
@Tag(name = "Knowledge base")
@RestController
@Validated
class KbAnalyticsController {

    private final KbAnalytics analytics;

    KbAnalyticsController(KbAnalytics analytics) {
        this.analytics = analytics;
    }

    @Operation(summary = "The most viewed published articles (views counted once per visitor and day)")
    @GetMapping("/api/v1/kb/analytics/popular")
    List<RankedView> popular(@RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
        return analytics.popular(true, limit).stream().map(RankedView::of).toList();
    }

    @Operation(summary = "The published articles most viewed over the last `days` days")
    @GetMapping("/api/v1/kb/analytics/trending")
    List<RankedView> trending(
            @RequestParam(defaultValue = "7") @Min(1) @Max(365) int days,
            @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
        return analytics.trending(true, days, limit).stream()
                .map(RankedView::of)
                .toList();
    }

    @Operation(summary = "Searches that found nothing, most frequent first: what the knowledge base is missing")
    @GetMapping("/api/v1/kb/analytics/failed-searches")
    List<KbAnalytics.Miss> failedSearches(@RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit) {
        return analytics.searchMisses(limit);
    }
}
