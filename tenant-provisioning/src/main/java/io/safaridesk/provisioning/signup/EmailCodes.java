package io.safaridesk.provisioning.signup;

import io.safaridesk.platform.error.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Six-digit codes that prove a sign-up owns its admin email address: only an HMAC of each code is stored; a code
 * expires, allows a few wrong guesses, and new codes are rate-limited.
 */
@Component
class EmailCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final SignUpProperties properties;

    EmailCodes(JdbcClient jdbc, SignUpProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** How a guess went. */
    enum Outcome {
        ACCEPTED,
        WRONG,
        EXPIRED,
        LOCKED,
        NONE_ISSUED
    }

    private record Stored(
            String hash, Instant expiresAt, int attempts, Instant sentAt, int sends, Instant windowStart) {}

    /** A new code for this sign-up, replacing any earlier one; refused while the rate limit holds. */
    String issue(UUID tenantId, Instant now) {
        Optional<Stored> previous = load(tenantId);
        int sends = 1;
        Instant windowStart = now;
        if (previous.isPresent()) {
            Stored stored = previous.get();
            Instant nextAllowed = stored.sentAt().plus(properties.resendInterval());
            if (now.isBefore(nextAllowed)) {
                throw new TooManyCodes(Duration.between(now, nextAllowed));
            }
            if (now.isBefore(stored.windowStart().plus(WINDOW))) {
                if (stored.sends() >= properties.maxSendsPerHour()) {
                    throw new TooManyCodes(
                            Duration.between(now, stored.windowStart().plus(WINDOW)));
                }
                sends = stored.sends() + 1;
                windowStart = stored.windowStart();
            }
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        jdbc.sql("insert into platform.email_verifications (tenant_id, code_hash, expires_at, attempts, sent_at,"
                        + " sends_in_window, window_start) values (:id, :hash, :expires, 0, :now, :sends, :window) on"
                        + " conflict (tenant_id) do update set code_hash = :hash, expires_at = :expires, attempts = 0,"
                        + " sent_at = :now, sends_in_window = :sends, window_start = :window")
                .param("id", tenantId)
                .param("hash", hash(tenantId, code))
                .param("expires", Timestamp.from(now.plus(properties.codeValidity())))
                .param("now", Timestamp.from(now))
                .param("sends", sends)
                .param("window", Timestamp.from(windowStart))
                .update();
        return code;
    }

    /**
     * Checks a guess; every guess counts against the code's attempts, so guessing cannot go on forever. The same two
     * statements and the same hash run whatever the outcome, also for a sign-up that does not exist, so the time an
     * answer takes does not tell them apart.
     */
    Outcome check(UUID tenantId, String code, Instant now) {
        String guess = hash(tenantId, code);
        Optional<Stored> found = load(tenantId);
        jdbc.sql("update platform.email_verifications set attempts = attempts + 1 where tenant_id = ?")
                .param(tenantId)
                .update();
        if (found.isEmpty()) {
            return Outcome.NONE_ISSUED;
        }
        Stored stored = found.get();
        boolean matches = MessageDigest.isEqual(
                stored.hash().getBytes(StandardCharsets.US_ASCII), guess.getBytes(StandardCharsets.US_ASCII));
        if (stored.attempts() >= properties.maxAttempts()) {
            return Outcome.LOCKED;
        }
        if (!now.isBefore(stored.expiresAt())) {
            return Outcome.EXPIRED;
        }
        return matches ? Outcome.ACCEPTED : Outcome.WRONG;
    }

    private Optional<Stored> load(UUID tenantId) {
        return jdbc.sql("select code_hash, expires_at, attempts, sent_at, sends_in_window, window_start from"
                        + " platform.email_verifications where tenant_id = ?")
                .param(tenantId)
                .query((rs, n) -> new Stored(
                        rs.getString("code_hash"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getInt("attempts"),
                        rs.getTimestamp("sent_at").toInstant(),
                        rs.getInt("sends_in_window"),
                        rs.getTimestamp("window_start").toInstant()))
                .optional();
    }

    private String hash(UUID tenantId, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.codeSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((tenantId + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new code was asked for too soon. */
    static final class TooManyCodes extends ApiProblem {
        private final Duration retryAfter;

        TooManyCodes(Duration retryAfter) {
            super(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-codes",
                    "A code was sent recently; ask again in " + Math.max(1, retryAfter.toSeconds()) + " s");
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }
}
