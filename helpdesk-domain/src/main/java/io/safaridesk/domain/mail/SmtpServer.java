package io.safaridesk.domain.mail;

/**
 * An SMTP server to send through, with its password in the clear (in memory only; stored sealed).
 *
 * @param fromAddress the envelope and header sender, or null for the platform's
 */
public record SmtpServer(
        String host, int port, String username, String password, boolean startTls, String fromAddress) {

    @Override
    public String toString() {
        return "SmtpServer[" + host + ":" + port + ", user " + username + "]";
    }
}
