package io.safaridesk.worker.inbound;

import io.safaridesk.domain.mail.ReplyAddress;
import io.safaridesk.platform.tenancy.TenantDirectory;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which workspace a mail of the platform's catch-all mailbox is for, by the plus token of an address it was sent to:
 * a ticket's signed token ({@code support+acme-t42-<mac>@...}, any address: the signature proves it) or a
 * workspace's slug on the catch-all's own address ({@code support+acme@...}, for new tickets). Only active
 * workspaces receive mail.
 */
@Component
class CatchAllRouting {

    private final ReplyAddress replyAddress;
    private final TenantDirectory directory;
    private final InboundProperties properties;

    CatchAllRouting(ReplyAddress replyAddress, TenantDirectory directory, InboundProperties properties) {
        this.replyAddress = replyAddress;
        this.directory = directory;
        this.properties = properties;
    }

    Optional<TenantSlug> workspaceOf(ParsedMail mail) {
        for (String recipient : mail.recipients()) {
            Optional<TenantSlug> signed = replyAddress.parse(recipient).map(ReplyAddress.Target::workspace);
            if (signed.isPresent()) {
                return signed.filter(this::active);
            }
        }
        String catchAll = properties.catchAll().address();
        if (catchAll == null) {
            return Optional.empty();
        }
        for (String recipient : mail.recipients()) {
            int plus = recipient.indexOf('+');
            int at = recipient.lastIndexOf('@');
            if (plus > 0 && plus < at && OwnAddresses.base(recipient).equals(OwnAddresses.base(catchAll))) {
                Optional<TenantSlug> named =
                        slug(recipient.substring(plus + 1, at)).filter(this::active);
                if (named.isPresent()) {
                    return named;
                }
            }
        }
        return Optional.empty();
    }

    private boolean active(TenantSlug slug) {
        return directory.findActive(slug).isPresent();
    }

    private static Optional<TenantSlug> slug(String token) {
        try {
            return Optional.of(TenantSlug.of(token.toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
