package io.safaridesk.worker.inbound;

import io.safaridesk.domain.mail.MailOrigin;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a raw mail with Jakarta Mail into a {@link ParsedMail}: headers, the text and HTML bodies and the files. */
final class MimeReader {

    private static final Session SESSION = Session.getInstance(utf8Headers());
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final List<String> KEPT_HEADERS = List.of(
            "Auto-Submitted",
            "X-Autoreply",
            "X-Autorespond",
            "X-Auto-Response-Suppress",
            "Precedence",
            "X-Failed-Recipients",
            "List-Id",
            "List-Post",
            "List-Unsubscribe",
            "X-BeenThere",
            "Mailing-List",
            "X-Mailing-List",
            "X-Original-From",
            "Reply-To",
            "X-Loop",
            MailOrigin.HEADER);
    private static final Set<String> REPORTS = Set.of(
            "message/delivery-status",
            "message/global-delivery-status",
            "message/disposition-notification",
            "message/global-disposition-notification",
            "message/feedback-report");
    private static final int MAX_DEPTH = 10;

    private MimeReader() {}

    /** Fails with {@link MessagingException} or {@link IOException} when the bytes are not a readable mail. */
    static ParsedMail read(byte[] raw) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = message.getHeader(name, ",");
            if (value != null) {
                headers.put(name.toLowerCase(Locale.ROOT), value.trim());
            }
        }
        ParsedMail.Address headerFrom = first(message.getHeader("From", ","));
        ParsedMail.Address from = ListSender.of(headerFrom, headers);
        List<String> recipients = new ArrayList<>();
        List<ParsedMail.Address> people = new ArrayList<>();
        for (String header : List.of("To", "Cc", "Delivered-To", "X-Original-To")) {
            for (ParsedMail.Address address : addresses(message.getHeader(header, ","))) {
                recipients.add(address.email());
                if ((header.equals("To") || header.equals("Cc"))
                        && (from == null || !address.email().equals(from.email()))) {
                    people.add(address);
                }
            }
        }
        Bodies bodies = new Bodies();
        walk(message, bodies, 0);
        ContentType type = contentType(message);
        String report = type != null && type.match("multipart/report") ? type.getParameter("report-type") : null;
        if (report == null) {
            report = bodies.report;
        }
        String subject = decode(message.getHeader("Subject", null));
        String plain = bodies.text != null ? bodies.text : bodies.html != null ? HtmlText.of(bodies.html) : null;
        if (plain != null) {
            InlineForward.of(plain, subject).ifPresent(bodies.forwarded::add);
        }
        String returnPath = message.getHeader("Return-Path", ",");
        return new ParsedMail(
                messageId(message.getHeader("Message-ID", ","), raw),
                from,
                headerFrom,
                returnPath == null ? null : returnPath.trim(),
                List.copyOf(new LinkedHashSet<>(recipients)),
                people,
                subject,
                ids(message.getHeader("In-Reply-To", " ")),
                ids(message.getHeader("References", " ")),
                headers,
                report == null ? null : report.toLowerCase(Locale.ROOT),
                List.copyOf(bodies.forwarded),
                bodies.text,
                bodies.html,
                bodies.attachments);
    }

    private static Properties utf8Headers() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.allowutf8", "true");
        return properties;
    }

    private static final class Bodies {
        String text;
        String html;
        String report;
        final List<ParsedMail.Attachment> attachments = new ArrayList<>();
        final List<ParsedMail.Forwarded> forwarded = new ArrayList<>();
    }

    private static void walk(Part part, Bodies bodies, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), bodies, depth + 1);
            }
            return;
        }
        String type = part.getContentType() == null ? "" : part.getContentType().toLowerCase(Locale.ROOT);
        for (String report : REPORTS) {
            if (type.startsWith(report) && bodies.report == null) {
                bodies.report = report.substring(report.indexOf('/') + 1).replace("global-", "");
            }
        }
        if (part.isMimeType("message/rfc822")) {
            forwarded(part, bodies);
            return;
        }
        String filename = filename(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || filename != null;
        if (!attachment && part.isMimeType("text/plain") && bodies.text == null) {
            bodies.text = text(part);
        } else if (!attachment && part.isMimeType("text/html") && bodies.html == null) {
            bodies.html = text(part);
        } else if (attachment || part.isMimeType("image/*")) {
            try (InputStream in = part.getInputStream()) {
                bodies.attachments.add(new ParsedMail.Attachment(
                        filename == null ? "inline-" + (bodies.attachments.size() + 1) : filename, in.readAllBytes()));
            }
        }
    }

    /** A forwarded message is kept whole as a file, and its ids are what a forward threads by. */
    private static void forwarded(Part part, Bodies bodies) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        MimeMessage inner = new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
        List<String> ids = new ArrayList<>(ids(inner.getHeader("Message-ID", " ")));
        ids.addAll(ids(inner.getHeader("In-Reply-To", " ")));
        ids.addAll(ids(inner.getHeader("References", " ")));
        List<String> addresses = new ArrayList<>();
        for (String header : List.of("Reply-To", "From", "To", "Cc")) {
            addresses(inner.getHeader(header, ",")).forEach(a -> addresses.add(a.email()));
        }
        String subject = decode(inner.getHeader("Subject", null));
        bodies.forwarded.add(new ParsedMail.Forwarded(List.copyOf(ids), List.copyOf(addresses), subject, false));
        String name = filename(part);
        bodies.attachments.add(new ParsedMail.Attachment(name == null ? "forwarded-message.eml" : name, bytes));
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String filename(Part part) throws MessagingException {
        try {
            String name = part.getFileName();
            return name == null || name.isBlank() ? null : MimeUtility.decodeText(name);
        } catch (IOException | RuntimeException e) {
            return "attachment";
        }
    }

    private static ContentType contentType(MimeMessage message) {
        try {
            return new ContentType(message.getContentType());
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String decode(String header) {
        if (header == null) {
            return null;
        }
        try {
            return EncodedWords.decode(MimeUtility.unfold(header)).strip();
        } catch (RuntimeException e) {
            return header.strip();
        }
    }

    static ParsedMail.Address first(String header) {
        List<ParsedMail.Address> all = addresses(header);
        return all.isEmpty() ? null : all.getFirst();
    }

    private static List<ParsedMail.Address> addresses(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            List<ParsedMail.Address> out = new ArrayList<>();
            for (InternetAddress address : InternetAddress.parseHeader(header, false)) {
                String email = address.getAddress();
                if (email != null && email.indexOf('@') > 0) {
                    out.add(new ParsedMail.Address(email, address.getPersonal()));
                }
            }
            return out;
        } catch (AddressException e) {
            return List.of();
        }
    }

    static List<String> ids(String header) {
        if (header == null) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        Matcher matcher = MESSAGE_ID.matcher(header);
        while (matcher.find()) {
            ids.add(matcher.group());
        }
        return List.copyOf(ids);
    }

    private static String messageId(String header, byte[] raw) {
        List<String> ids = ids(header);
        if (!ids.isEmpty()) {
            return ids.getFirst();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + "@no-message-id.safaridesk>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
