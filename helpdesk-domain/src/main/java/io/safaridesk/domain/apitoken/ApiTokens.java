package io.safaridesk.domain.apitoken;

import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API tokens of the workspace in context: admins create (the token is answered this once), list and revoke them;
 * the API checks a presented token and records its use, at most once per {@link #LAST_USED_PRECISION}.
 */
@Component
@Transactional
public class ApiTokens {

    /** How stale {@code last_used_at} may be: a busy token costs one write a minute, not one per request. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    /** The longest a token may live: a forgotten integration stops working within a year. */
    static final Duration MAX_LIFETIME = Duration.ofDays(366);

    static final int MAX_NAME_LENGTH = 100;

    @PersistenceContext
    private EntityManager entityManager;

    private final ApiTokenRepository tokens;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A token as an admin asks for it; checked here, each bad field answered 422 with its name. */
    public record Draft(String name, List<String> scopes, Instant expiresAt) {}

    record Valid(String name, Set<ApiScope> scopes, Instant expiresAt) {}

    /** A new token with the value the client is to send, shown this once. */
    public record Issued(ApiToken token, ApiTokenCredential credential) {}

    public Issued create(Draft draft, Actor creator) {
        Instant now = clock.instant();
        String secret = ApiTokenCredential.newSecret();
        ApiToken token = tokens.saveAndFlush(
                ApiToken.create(validate(draft, now), ApiTokenCredential.hash(secret), creator, now));
        return new Issued(token, new ApiTokenCredential(TenantContext.current(), token.id(), secret));
    }

    /** Newest first, before {@code beforeId}; revoked and expired tokens included. */
    @Transactional(readOnly = true)
    public List<ApiToken> list(long beforeId, int limit) {
        return tokens.findByIdLessThanOrderByIdDesc(beforeId, Limit.of(limit));
    }

    /** Refuses the token from now on; revoking a revoked token changes nothing. */
    public void revoke(long id, Actor by) {
        ApiToken token = tokens.findById(id).orElseThrow(() -> ApiTokenNotFound.forId(id));
        token.revoke(by, clock.instant());
    }

    /**
     * The token that {@code credential} names, if its secret matches and it is neither revoked nor expired; its use is
     * recorded. The credential's workspace must be the one in context.
     *
     * @throws Refused otherwise, saying why
     */
    public ApiToken authenticate(ApiTokenCredential credential) {
        if (!credential.workspace().equals(TenantContext.current())) {
            throw new IllegalStateException("the token's workspace is not the one in context");
        }
        ApiToken token = tokens.findById(credential.tokenId())
                .filter(found -> found.matches(credential.secret()))
                .orElseThrow(() -> new Refused("Unknown API token"));
        Instant now = clock.instant();
        switch (token.status(now)) {
            case REVOKED -> throw new Refused("This API token was revoked");
            case EXPIRED -> throw new Refused("This API token expired at " + token.expiresAt());
            case ACTIVE -> recordUse(token, now);
        }
        return token;
    }

    /** Writes last_used_at when it is a minute old; the condition keeps concurrent requests from writing it twice. */
    private void recordUse(ApiToken token, Instant now) {
        Instant since = now.minus(LAST_USED_PRECISION);
        if (token.lastUsedAt() != null && token.lastUsedAt().isAfter(since)) {
            return;
        }
        entityManager
                .createNativeQuery("update api_tokens set last_used_at = :now where id = :id"
                        + " and (last_used_at is null or last_used_at <= :since)")
                .setParameter("now", Timestamp.from(now))
                .setParameter("id", token.id())
                .setParameter("since", Timestamp.from(since))
                .executeUpdate();
    }

    private Valid validate(Draft draft, Instant now) {
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            throw ApiProblem.invalidField("name", "is required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw ApiProblem.invalidField("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (draft.scopes() == null || draft.scopes().isEmpty()) {
            throw ApiProblem.invalidField("scopes", "must name at least one scope");
        }
        Set<ApiScope> scopes = EnumSet.copyOf(draft.scopes().stream()
                .map(scope -> ApiScope.of("scopes", scope))
                .toList());
        if (draft.expiresAt() == null) {
            throw ApiProblem.invalidField("expires_at", "is required");
        }
        if (!draft.expiresAt().isAfter(now)) {
            throw ApiProblem.invalidField("expires_at", "must be in the future");
        }
        if (draft.expiresAt().isAfter(now.plus(MAX_LIFETIME))) {
            throw ApiProblem.invalidField("expires_at", "must be within " + MAX_LIFETIME.toDays() + " days");
        }
        return new Valid(name, scopes, draft.expiresAt());
    }

    /** A presented token that is not accepted: unknown, wrong secret, revoked or expired. */
    public static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }

    /** No token with this id in the workspace. */
    public static final class ApiTokenNotFound extends ApiProblem {
        private ApiTokenNotFound(long id) {
            super(HttpStatus.NOT_FOUND, "api-token-not-found", "No API token " + id);
        }

        static ApiTokenNotFound forId(long id) {
            return new ApiTokenNotFound(id);
        }
    }
}
