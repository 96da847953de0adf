package io.safaridesk.domain.apitoken;

import io.safaridesk.platform.actor.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A service token of the workspace: a name, scopes and an expiry; only the hash of its secret is kept. Revoking keeps
 * the row, so the list still shows who made it and when it was last used.
 */
@Entity
@Table(name = "api_tokens")
public class ApiToken {

    /** Where a token stands at a given moment; only an active one is accepted. */
    public enum Status {
        ACTIVE,
        EXPIRED,
        REVOKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> scopes = new ArrayList<>();

    @Column(nullable = false)
    private byte[] secretHash;

    @Column(nullable = false)
    private String createdBy;

    private String createdByName;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant expiresAt;

    private Instant lastUsedAt;

    private Instant revokedAt;

    private String revokedBy;

    protected ApiToken() {}

    static ApiToken create(ApiTokens.Valid draft, byte[] secretHash, Actor creator, Instant now) {
        ApiToken token = new ApiToken();
        token.name = draft.name();
        token.scopes =
                new ArrayList<>(draft.scopes().stream().map(ApiScope::scope).toList());
        token.expiresAt = draft.expiresAt();
        token.secretHash = secretHash.clone();
        token.createdBy = creator.userId();
        token.createdByName = creator.name();
        token.createdAt = now;
        return token;
    }

    /** Whether {@code secret} is this token's, compared in time independent of where the hashes differ. */
    boolean matches(String secret) {
        return MessageDigest.isEqual(secretHash, ApiTokenCredential.hash(secret));
    }

    /** Revokes the token from now on; revoking it again changes nothing. */
    void revoke(Actor by, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = by.userId();
        }
    }

    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Set<ApiScope> scopes() {
        // a scope that a later release no longer knows grants nothing
        Set<ApiScope> known = EnumSet.noneOf(ApiScope.class);
        scopes.forEach(scope -> ApiScope.find(scope).ifPresent(known::add));
        return known;
    }

    /** The realm user id of the admin who created the token. */
    public String createdBy() {
        return createdBy;
    }

    public String createdByName() {
        return createdByName;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** When the token was last accepted, to the minute (uses within a minute of the last record are not written). */
    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revokedBy() {
        return revokedBy;
    }
}
