package io.safaridesk.provisioning.realm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The SMTP server that a workspace realm sends Keycloak's own mails through (password reset, email verification).
 *
 * @param host SMTP host ({@code spring.mail.host})
 * @param port SMTP port ({@code spring.mail.port})
 * @param from sender address ({@code safaridesk.mail.from}, e.g. {@code no-reply@safaridesk.local})
 */
record RealmMail(String host, int port, String from) {

    RealmMail {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SMTP port out of range: " + port);
        }
        if (from == null || from.indexOf('@') < 1) {
            throw new IllegalArgumentException("not a sender address: " + from);
        }
    }

    /** Keycloak's {@code smtpServer} map, with the business name as the sender's display name. */
    Map<String, String> asSmtpServer(String fromDisplayName) {
        Map<String, String> smtp = new LinkedHashMap<>();
        smtp.put("host", host);
        smtp.put("port", Integer.toString(port));
        smtp.put("from", from);
        smtp.put("fromDisplayName", fromDisplayName);
        smtp.put("auth", "false");
        smtp.put("ssl", "false");
        smtp.put("starttls", "false");
        return smtp;
    }
}
