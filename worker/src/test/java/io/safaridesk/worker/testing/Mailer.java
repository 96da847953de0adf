package io.safaridesk.worker.testing;

import io.safaridesk.infra.stack.ServiceEndpoints;
import io.safaridesk.infra.stack.TestServices;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Writes mail as a mail client would, with Jakarta Mail (Angus) over SMTP to the test mail server. The envelope goes
 * to the base mailbox of each recipient ({@code help+token@x} is delivered to {@code help@x}), as a mail server with
 * subaddressing delivers it (GreenMail would make a mailbox of its own for the plus address); the headers keep the
 * plus address, which is where SafariDesk reads it.
 */
public final class Mailer {

    private final String from;
    private final List<String> to = new ArrayList<>();
    private final List<String> cc = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<MimeBodyPart> files = new ArrayList<>();
    private String subject = "Hello";
    private String text = "Hello";
    private String html;
    private String messageId = "<" + UUID.randomUUID() + "@client.test>";

    private Mailer(String from) {
        this.from = from;
    }

    public static Mailer from(String from) {
        return new Mailer(from);
    }

    public Mailer to(String... addresses) {
        to.addAll(List.of(addresses));
        return this;
    }

    public Mailer cc(String... addresses) {
        cc.addAll(List.of(addresses));
        return this;
    }

    public Mailer subject(String value) {
        subject = value;
        return this;
    }

    public Mailer text(String value) {
        text = value;
        return this;
    }

    public Mailer html(String value) {
        html = value;
        return this;
    }

    /** Sends with this Message-ID (as a client resending the same mail would). */
    public Mailer messageId(String value) {
        messageId = value;
        return this;
    }

    public Mailer header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Mailer inReplyTo(String id, String references) {
        headers.put("In-Reply-To", id);
        headers.put("References", references);
        return this;
    }

    public Mailer file(String filename, String type, byte[] content, String contentId) {
        try {
            MimeBodyPart part = new MimeBodyPart();
            part.setContent(content, type);
            part.setFileName(filename);
            if (contentId != null) {
                part.setContentID("<" + contentId + ">");
                part.setDisposition(MimeBodyPart.INLINE);
            } else {
                part.setDisposition(MimeBodyPart.ATTACHMENT);
            }
            files.add(part);
            return this;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends it; answers its Message-ID. */
    public String send() {
        ServiceEndpoints.Mail mail = TestServices.endpoints().mail();
        Properties properties = new Properties();
        properties.put("mail.smtp.host", mail.smtpHost());
        properties.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
        Session session = Session.getInstance(properties);
        try {
            String id = messageId;
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", id);
                }
            };
            message.setFrom(new InternetAddress(from));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(String.join(",", to)));
            if (!cc.isEmpty()) {
                message.setRecipients(MimeMessage.RecipientType.CC, InternetAddress.parse(String.join(",", cc)));
            }
            message.setSubject(subject, "UTF-8");
            MimeMultipart body = new MimeMultipart("mixed");
            MimeBodyPart textPart = new MimeBodyPart();
            textPart.setText(text, "UTF-8");
            if (html != null) {
                MimeMultipart alternative = new MimeMultipart("alternative");
                MimeBodyPart htmlPart = new MimeBodyPart();
                htmlPart.setContent(html, "text/html; charset=UTF-8");
                alternative.addBodyPart(textPart);
                alternative.addBodyPart(htmlPart);
                MimeBodyPart wrapper = new MimeBodyPart();
                wrapper.setContent(alternative);
                body.addBodyPart(wrapper);
            } else {
                body.addBodyPart(textPart);
            }
            for (MimeBodyPart file : files) {
                body.addBodyPart(file);
            }
            message.setContent(body);
            for (Map.Entry<String, String> header : headers.entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            message.saveChanges();
            List<Address> envelope = new ArrayList<>();
            for (String address : to) {
                envelope.add(new InternetAddress(base(address)));
            }
            for (String address : cc) {
                envelope.add(new InternetAddress(base(address)));
            }
            Transport.send(message, envelope.toArray(Address[]::new));
            return id;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends these bytes as they are (no header is fixed up) to the mailbox of {@code recipient}. */
    public static void sendRaw(String recipient, byte[] raw) {
        ServiceEndpoints.Mail mail = TestServices.endpoints().mail();
        Properties properties = new Properties();
        properties.put("mail.smtp.host", mail.smtpHost());
        properties.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
        Session session = Session.getInstance(properties);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(
                    new MimeMessage(session, new ByteArrayInputStream(raw)),
                    new Address[] {new InternetAddress(recipient)});
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code help+token@x} is {@code help@x}; a display name is dropped. */
    public static String base(String address) {
        try {
            String plain = new InternetAddress(address).getAddress();
            int plus = plain.indexOf('+');
            int at = plain.lastIndexOf('@');
            return plus >= 0 && plus < at ? plain.substring(0, plus) + plain.substring(at) : plain;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
