package io.safaridesk.domain.export;

import io.safaridesk.platform.tenancy.TenantSlug;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring download links of exports: {@code <base>/api/v1/tickets/exports/<id>/file?expires=<epoch
 * seconds>&signature=<mac>}, where the mac is an HMAC-SHA256 (keyed with {@code SAFARIDESK_SECRET_KEY}) over the
 * workspace, the export and the expiry. A link changed in any part, or of another workspace, does not verify; a link
 * past its expiry is refused even though its mac is right.
 */
public final class ExportLinks {

    private final SecretKeySpec key;

    public ExportLinks(String secret) {
        this.key = new SecretKeySpec(("export-link:" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** What a link presented to the download is. */
    public enum Verdict {
        VALID,
        TAMPERED,
        EXPIRED
    }

    /** The path and query of the download link of {@code exportId}, valid until {@code expiresAt}. */
    public String path(TenantSlug workspace, long exportId, Instant expiresAt) {
        long expires = expiresAt.getEpochSecond();
        return "/api/v1/tickets/exports/" + exportId + "/file?expires=" + expires + "&signature="
                + signature(workspace, exportId, expires);
    }

    public Verdict verify(TenantSlug workspace, long exportId, long expires, String signature, Instant now) {
        if (signature == null
                || !MessageDigest.isEqual(
                        signature.getBytes(StandardCharsets.US_ASCII),
                        signature(workspace, exportId, expires).getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.TAMPERED;
        }
        return now.getEpochSecond() >= expires ? Verdict.EXPIRED : Verdict.VALID;
    }

    String signature(TenantSlug workspace, long exportId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest =
                    mac.doFinal((workspace.value() + ":" + exportId + ":" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
