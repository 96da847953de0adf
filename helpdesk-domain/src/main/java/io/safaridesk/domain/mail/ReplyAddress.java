package io.safaridesk.domain.mail;

import io.safaridesk.platform.tenancy.TenantSlug;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * The plus-address that carries a ticket in the Reply-To of every mail about it: {@code support+<token>@domain} with
 * token {@code <slug>-t<ticket id>-<mac>}, where the mac (10 lower-case base32 characters of an HMAC-SHA256 over slug
 * and ticket) keeps anyone from replying into a ticket they were never written about. Inbound mail reads it back with
 * {@link #parse}.
 */
public final class ReplyAddress {

    private static final int MAC_CHARS = 10;

    private final SecretKeySpec key;

    public ReplyAddress(String secret) {
        this.key = Signatures.key("reply-address", secret);
    }

    /** Which ticket of which workspace an address names. */
    public record Target(TenantSlug workspace, long ticketId) {}

    /** {@code support@example.com} with the ticket's token: {@code support+acme-t42-abcdefghij@example.com}. */
    public String forTicket(String supportAddress, TenantSlug workspace, long ticketId) {
        int at = supportAddress.lastIndexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("Not an email address: " + supportAddress);
        }
        String local = supportAddress.substring(0, at);
        int plus = local.indexOf('+');
        if (plus >= 0) {
            local = local.substring(0, plus);
        }
        return local + "+" + token(workspace, ticketId) + supportAddress.substring(at);
    }

    String token(TenantSlug workspace, long ticketId) {
        return workspace.value() + "-t" + ticketId + "-" + mac(workspace, ticketId);
    }

    /** The ticket an address (or its local part) names, if its token is one of ours. */
    public Optional<Target> parse(String address) {
        String local = address.contains("@") ? address.substring(0, address.lastIndexOf('@')) : address;
        int plus = local.indexOf('+');
        if (plus < 0) {
            return Optional.empty();
        }
        String token = local.substring(plus + 1).toLowerCase(Locale.ROOT);
        int macStart = token.lastIndexOf('-');
        int ticketStart = macStart > 0 ? token.lastIndexOf("-t", macStart - 1) : -1;
        if (ticketStart <= 0) {
            return Optional.empty();
        }
        try {
            TenantSlug workspace = TenantSlug.of(token.substring(0, ticketStart));
            long ticketId = Long.parseLong(token.substring(ticketStart + 2, macStart));
            String mac = token.substring(macStart + 1);
            return MessageDigest.isEqual(
                            mac.getBytes(StandardCharsets.US_ASCII),
                            mac(workspace, ticketId).getBytes(StandardCharsets.US_ASCII))
                    ? Optional.of(new Target(workspace, ticketId))
                    : Optional.empty();
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private String mac(TenantSlug workspace, long ticketId) {
        return Signatures.mac(key, workspace.value() + ":" + ticketId, MAC_CHARS);
    }
}
