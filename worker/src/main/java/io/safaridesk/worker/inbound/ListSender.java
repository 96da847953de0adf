package io.safaridesk.worker.inbound;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who wrote a mail that a mailing list passed on. Lists that protect their members' DMARC rewrite From to the list's
 * own address ({@code 'Ann' via Support <support@googlegroups.com>}) and keep the writer in {@code X-Original-From}
 * (Google Groups, Microsoft 365 groups) or in Reply-To (Mailman's {@code munge_from}); the writer, not the list, is
 * the requester.
 */
final class ListSender {

    private static final Pattern MAILTO = Pattern.compile("<mailto:([^>?]+)");

    private ListSender() {}

    /** Whether the mail carries the marks of a list (RFC 2369/2919 fields such as List-Id, List-Post and List-Unsubscribe, Mailman's and Google's own). */
    static boolean isList(Map<String, String> headers) {
        return headers.containsKey("list-id")
                || headers.containsKey("list-post")
                || headers.containsKey("list-unsubscribe")
                || headers.containsKey("x-beenthere")
                || headers.containsKey("mailing-list")
                || headers.containsKey("x-mailing-list");
    }

    /** The list's posting address (List-Post), if it names one. */
    static Optional<String> postAddress(Map<String, String> headers) {
        String post = headers.get("list-post");
        if (post == null) {
            return Optional.empty();
        }
        Matcher matcher = MAILTO.matcher(post);
        return matcher.find()
                ? Optional.of(matcher.group(1).strip().toLowerCase(java.util.Locale.ROOT))
                : Optional.empty();
    }

    static ParsedMail.Address of(ParsedMail.Address headerFrom, Map<String, String> headers) {
        ParsedMail.Address original = MimeReader.first(headers.get("x-original-from"));
        if (original != null && (isList(headers) || headerFrom == null)) {
            return original;
        }
        if (headerFrom == null || !isList(headers)) {
            return headerFrom;
        }
        boolean rewritten = postAddress(headers).map(headerFrom.email()::equals).orElse(false)
                || headerFrom.name() != null && headerFrom.name().contains(" via ");
        ParsedMail.Address replyTo = MimeReader.first(headers.get("reply-to"));
        return rewritten && replyTo != null && !replyTo.email().equals(headerFrom.email()) ? replyTo : headerFrom;
    }
}
