package io.safaridesk.worker.inbound;

import io.safaridesk.platform.inbound.InboundRule;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells machine-made mail apart, which must never open or continue a ticket (it would loop with our own
 * acknowledgements): auto-replies (RFC 3834 {@code Auto-Submitted} other than {@code no}, {@code X-Autoreply},
 * {@code X-Autorespond}, {@code Precedence: bulk/junk/auto_reply/list}) and bounces (a null or MAILER-DAEMON return
 * path, a {@code multipart/report} of delivery status, {@code X-Failed-Recipients}, a sender such as
 * {@code mailer-daemon@} or {@code postmaster@}).
 */
final class Noise {

    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "auto_reply", "list");
    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster");

    private Noise() {}

    static Optional<InboundRule> of(ParsedMail mail) {
        if (bounce(mail)) {
            return Optional.of(InboundRule.REFUSED_BOUNCE);
        }
        if (autoSubmitted(mail)) {
            return Optional.of(InboundRule.REFUSED_AUTO_SUBMITTED);
        }
        return Optional.empty();
    }

    private static boolean autoSubmitted(ParsedMail mail) {
        String autoSubmitted = lower(mail.header("Auto-Submitted"));
        if (autoSubmitted != null && !autoSubmitted.startsWith("no")) {
            return true;
        }
        if (mail.header("X-Autoreply") != null || mail.header("X-Autorespond") != null) {
            return true;
        }
        String precedence = lower(mail.header("Precedence"));
        return precedence != null && BULK_PRECEDENCE.contains(precedence);
    }

    private static boolean bounce(ParsedMail mail) {
        if ("delivery-status".equals(mail.reportType()) || mail.header("X-Failed-Recipients") != null) {
            return true;
        }
        String returnPath = lower(mail.returnPath());
        if (returnPath != null) {
            String path = returnPath.replaceAll("[<>\\s]", "");
            if (path.isEmpty() || path.startsWith("mailer-daemon@")) {
                return true;
            }
        }
        return mail.from() == null
                || DAEMONS.contains(
                        mail.from().email().substring(0, mail.from().email().indexOf('@')));
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
