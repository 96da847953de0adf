package io.safaridesk.helpdesk.apitoken.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;

import io.safaridesk.domain.apitoken.ApiScope;
import io.safaridesk.domain.apitoken.ApiToken;
import io.safaridesk.domain.apitoken.ApiTokens;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.web.Cursor;
import io.safaridesk.platform.web.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Callers(ADMIN)
@Tag(name = "API tokens")
@RestController
@RequestMapping("/api/v1/api-tokens")
@Validated
class ApiTokenController {

    private final ApiTokens tokens;
    private final Clock clock;

    ApiTokenController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Checked by {@link ApiTokens}, so that each bad field is answered 422 with its name. */
    record ApiTokenRequest(String name, List<String> scopes, Instant expiresAt) {

        ApiTokens.Draft toDraft() {
            return new ApiTokens.Draft(name, scopes, expiresAt);
        }
    }

    /** A token as listed: never its secret. */
    record ApiTokenView(
            long id,
            String name,
            List<String> scopes,
            String status,
            String createdBy,
            String createdByName,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            Instant revokedAt) {

        static ApiTokenView of(ApiToken token, Instant now) {
            return new ApiTokenView(
                    token.id(),
                    token.name(),
                    token.scopes().stream().map(ApiScope::scope).toList(),
                    token.status(now).name(),
                    token.createdBy(),
                    token.createdByName(),
                    token.createdAt(),
                    token.expiresAt(),
                    token.lastUsedAt(),
                    token.revokedAt());
        }
    }

    /** The token value appears here only, on creation. */
    record ApiTokenWithSecret(ApiTokenView apiToken, String token) {}

    @Operation(summary = "The scopes a token can be granted")
    @GetMapping("/scopes")
    List<String> scopes() {
        return Arrays.stream(ApiScope.values()).map(ApiScope::scope).toList();
    }

    @Operation(summary = "The workspace's API tokens, newest first, revoked and expired ones included; never a secret")
    @GetMapping
    KeysetPage<ApiTokenView> list(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit) {
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : Cursor.decodeId(cursor);
        Instant now = clock.instant();
        List<ApiTokenView> items = tokens.list(before, limit).stream()
                .map(token -> ApiTokenView.of(token, now))
                .toList();
        return KeysetPage.of(items, limit, ApiTokenView::id);
    }

    @Operation(
            summary = "Creates a token with a name, scopes and an expiry (at most 366 days ahead); answers the token"
                    + " (sdat_...) this once")
    @PostMapping
    ResponseEntity<ApiTokenWithSecret> create(Actor actor, @RequestBody ApiTokenRequest request) {
        ApiTokens.Issued issued = tokens.create(request.toDraft(), actor);
        ApiTokenView view = ApiTokenView.of(issued.token(), clock.instant());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new ApiTokenWithSecret(view, issued.credential().value()));
    }

    @Operation(summary = "Revokes a token: refused from the next request on; revoking it again changes nothing")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(Actor actor, @PathVariable long id) {
        tokens.revoke(id, actor);
        return ResponseEntity.noContent().build();
    }
}
