package io.safaridesk.provisioning.signup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The sign-up code email, as plain text with an HTML alternative. */
@Component
class SignUpMails {

    private final JavaMailSender mail;
    private final String from;

    SignUpMails(JavaMailSender mail, @Value("${safaridesk.mail.from}") String from) {
        this.mail = mail;
        this.from = from;
    }

    void sendCode(String to, String adminName, String businessName, String code, long validMinutes) {
        String text = "Hello " + adminName + ",\n\nyour SafariDesk sign-up code for " + businessName + " is " + code
                + "\n\nIt is valid for " + validMinutes + " minutes. If you did not sign up, ignore this message.\n";
        String html = "<p>Hello " + HtmlUtils.htmlEscape(adminName) + ",</p><p>your SafariDesk sign-up code for "
                + HtmlUtils.htmlEscape(businessName) + " is</p><p style=\"font-size:24px;letter-spacing:4px\"><b>"
                + code + "</b></p><p>It is valid for " + validMinutes
                + " minutes. If you did not sign up, ignore this message.</p>";
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject("Your SafariDesk sign-up code: " + code);
            helper.setText(text, html);
            message.setHeader("Auto-Submitted", "auto-generated");
            mail.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not build the sign-up email", e);
        }
    }
}
