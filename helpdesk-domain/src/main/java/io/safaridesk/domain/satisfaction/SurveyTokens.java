package io.safaridesk.domain.satisfaction;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;

/**
 * The token of a survey link: {@code <survey id>.<expiry, epoch seconds>.<mac>}, the mac an HMAC-SHA256 (keyed with
 * {@code SAFARIDESK_SECRET_KEY}) over the workspace, the survey and the expiry. It names one survey of one workspace:
 * a token changed in any part, or presented to another workspace, does not verify; a genuine one past its expiry is
 * refused as expired.
 */
public final class SurveyTokens {

    private static final Pattern TOKEN = Pattern.compile("([1-9][0-9]{0,18})\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{43})");

    private final SecretKeySpec key;

    public SurveyTokens(String secret) {
        this.key = new SecretKeySpec(("satisfaction-survey:" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The token of survey {@code surveyId} of {@code workspace}, valid until {@code expiresAt}. */
    public String issue(TenantSlug workspace, long surveyId, Instant expiresAt) {
        long expires = expiresAt.getEpochSecond();
        return surveyId + "." + expires + "." + mac(workspace, surveyId, expires);
    }

    /**
     * The survey {@code token} names in {@code workspace}; {@link SurveyNotFound} for a malformed or forged token or
     * one of another workspace, {@link SurveyExpired} for a genuine one at or past its expiry.
     */
    long verify(TenantSlug workspace, String token, Instant now) {
        Matcher parts = TOKEN.matcher(token == null ? "" : token);
        if (!parts.matches()) {
            throw SurveyNotFound.forToken();
        }
        long surveyId;
        long expires;
        try {
            surveyId = Long.parseLong(parts.group(1));
            expires = Long.parseLong(parts.group(2));
        } catch (NumberFormatException tooLong) {
            throw SurveyNotFound.forToken();
        }
        if (!MessageDigest.isEqual(
                parts.group(3).getBytes(StandardCharsets.US_ASCII),
                mac(workspace, surveyId, expires).getBytes(StandardCharsets.US_ASCII))) {
            throw SurveyNotFound.forToken();
        }
        if (now.getEpochSecond() >= expires) {
            throw SurveyExpired.at(Instant.ofEpochSecond(expires));
        }
        return surveyId;
    }

    private String mac(TenantSlug workspace, long surveyId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest =
                    mac.doFinal((workspace.value() + ":" + surveyId + ":" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The link names no survey of this workspace that can be answered: forged, changed, another's, or withdrawn. */
    public static final class SurveyNotFound extends ApiProblem {
        private SurveyNotFound() {
            super(HttpStatus.NOT_FOUND, "survey-not-found", "This survey link is not valid");
        }

        static SurveyNotFound forToken() {
            return new SurveyNotFound();
        }
    }

    /** The link was genuine but its answering window has closed. */
    public static final class SurveyExpired extends ApiProblem {
        private SurveyExpired(Instant at) {
            super(HttpStatus.GONE, "survey-expired", "This survey closed at " + at + "; it can no longer be answered");
        }

        static SurveyExpired at(Instant at) {
            return new SurveyExpired(at);
        }
    }
}
