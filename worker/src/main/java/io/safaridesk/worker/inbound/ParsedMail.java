package io.safaridesk.worker.inbound;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An inbound mail as the pipeline needs it, read from its MIME.
 *
 * @param messageId its Message-ID, or one made from a hash of its bytes when it has none
 * @param from who wrote it: the From address, or the original sender when a list rewrote From to its own address
 *     ({@code X-Original-From}, else a single Reply-To)
 * @param headerFrom the From header's address as it came
 * @param recipients the addresses of To, Cc, Delivered-To and X-Original-To (where plus tokens may be)
 * @param cc the addresses of To and Cc besides the sender: the people on the conversation
 * @param headers the headers that tell noise, lists and loops apart, names lower-cased, values joined by commas
 * @param report the kind of report it is or carries ({@code delivery-status}, {@code disposition-notification},
 *     {@code feedback-report}, or another multipart/report type), else null
 * @param forwarded the messages it forwards, attached ({@code message/rfc822}) or inline
 */
record ParsedMail(
        String messageId,
        Address from,
        Address headerFrom,
        String returnPath,
        List<String> recipients,
        List<Address> cc,
        String subject,
        List<String> inReplyTo,
        List<String> references,
        Map<String, String> headers,
        String report,
        List<Forwarded> forwarded,
        String text,
        String html,
        List<Attachment> attachments) {

    /** An address with its display name (may be null). */
    record Address(String email, String name) {
        Address {
            email = email.toLowerCase(Locale.ROOT);
        }

        String displayName() {
            return name == null || name.isBlank() ? email.substring(0, email.indexOf('@')) : name;
        }
    }

    /** A file of the mail: an attachment or an inline image. */
    record Attachment(String filename, byte[] content) {}

    /**
     * A message the mail forwards: the ids and addresses that may name one of our tickets.
     *
     * @param ids its Message-ID, In-Reply-To and References (an inline forward rarely shows them)
     * @param addresses its From, To and Reply-To addresses (our signed reply address among them)
     */
    record Forwarded(List<String> ids, List<String> addresses, String subject, boolean inline) {}

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
