package io.safaridesk.provisioning.signup;

import io.safaridesk.platform.template.MailTemplate;
import io.safaridesk.platform.template.MailTemplates;
import io.safaridesk.platform.template.Placeholder;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** The sign-up code email ({@link MailTemplate#SIGNUP_OTP}), as plain text with an HTML alternative. */
@Component
class SignUpMails {

    private final JavaMailSender mail;
    private final String from;
    private final MailTemplates templates = new MailTemplates();

    SignUpMails(JavaMailSender mail, @Value("${safaridesk.mail.from}") String from) {
        this.mail = mail;
        this.from = from;
    }

    void sendCode(String to, String adminName, String businessName, String code, long validMinutes) {
        MailTemplates.Rendered rendered = templates.render(
                MailTemplate.SIGNUP_OTP,
                MailTemplates.DEFAULT_LANGUAGE,
                new MailTemplates.Branding(businessName, null, null),
                Map.of(
                        Placeholder.SIGNUP_NAME,
                        adminName,
                        Placeholder.SIGNUP_CODE,
                        code,
                        Placeholder.SIGNUP_VALID_MINUTES,
                        String.valueOf(validMinutes)));
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(rendered.subject());
            helper.setText(rendered.text(), rendered.html());
            message.setHeader("Auto-Submitted", "auto-generated");
            mail.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not build the sign-up email", e);
        }
    }
}
