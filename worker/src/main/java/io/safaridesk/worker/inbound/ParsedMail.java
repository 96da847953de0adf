package io.safaridesk.worker.inbound;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An inbound mail as the pipeline needs it, read from its MIME.
 *
 * @param messageId its Message-ID, or one made from a hash of its bytes when it has none
 * @param recipients the addresses of To, Cc, Delivered-To and X-Original-To (where plus tokens may be)
 * @param cc the addresses of To and Cc besides the sender: the people on the conversation
 * @param headers the headers that tell noise and loops apart, names lower-cased, first value each
 * @param reportType the report-type of a multipart/report (e.g. delivery-status), else null
 */
record ParsedMail(
        String messageId,
        Address from,
        String returnPath,
        List<String> recipients,
        List<Address> cc,
        String subject,
        List<String> inReplyTo,
        List<String> references,
        Map<String, String> headers,
        String reportType,
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

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
