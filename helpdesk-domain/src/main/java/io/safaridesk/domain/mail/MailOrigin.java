package io.safaridesk.domain.mail;

import io.safaridesk.platform.tenancy.TenantSlug;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed header every mail we send carries, {@value #HEADER}{@code : <slug>; auto=yes|no; sig=<mac>}, so that our
 * own mail is recognised when it comes back even after a list or a gateway rewrote its From, dropped its
 * {@code Auto-Submitted} or changed its Message-ID. The mac (10 base32 characters of an HMAC-SHA256 over slug and
 * kind) keeps anyone from making a mail look like an automatic one of ours.
 */
public final class MailOrigin {

    /** The header's name. */
    public static final String HEADER = "X-SafariDesk-Origin";

    private static final int MAC_CHARS = 10;
    private static final Pattern VALUE = Pattern.compile(
            "^\\s*([a-z][a-z0-9-]{1,30}[a-z0-9])\\s*;\\s*auto=(yes|no)\\s*;\\s*sig=([a-z2-7]{10})\\s*$");

    private final SecretKeySpec key;

    public MailOrigin(String secret) {
        this.key = Signatures.key("mail-origin", secret);
    }

    /** Who sent a mail and whether a machine wrote it (a notification) or a person (an agent's reply). */
    public record Origin(TenantSlug workspace, boolean automatic) {}

    /** The header's value for a mail of this workspace. */
    public String sign(TenantSlug workspace, boolean automatic) {
        String kind = automatic ? "yes" : "no";
        return workspace.value() + "; auto=" + kind + "; sig=" + mac(workspace.value(), kind);
    }

    /** The origin a header value names, if its signature is ours. */
    public Optional<Origin> verify(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher matcher = VALUE.matcher(value.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        byte[] expected = mac(matcher.group(1), matcher.group(2)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, matcher.group(3).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(
                new Origin(TenantSlug.of(matcher.group(1)), matcher.group(2).equals("yes")));
    }

    private String mac(String slug, String kind) {
        return Signatures.mac(key, slug + ":" + kind, MAC_CHARS);
    }
}
