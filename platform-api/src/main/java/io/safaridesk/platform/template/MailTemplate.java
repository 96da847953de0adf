package io.safaridesk.platform.template;

import static io.safaridesk.platform.template.Placeholder.AGENT_NAME;
import static io.safaridesk.platform.template.Placeholder.EXPORT_EXPIRES_AT;
import static io.safaridesk.platform.template.Placeholder.EXPORT_NAME;
import static io.safaridesk.platform.template.Placeholder.EXPORT_URL;
import static io.safaridesk.platform.template.Placeholder.MESSAGE_HTML;
import static io.safaridesk.platform.template.Placeholder.MESSAGE_TEXT;
import static io.safaridesk.platform.template.Placeholder.RECIPIENT_NAME;
import static io.safaridesk.platform.template.Placeholder.REQUESTER_EMAIL;
import static io.safaridesk.platform.template.Placeholder.REQUESTER_NAME;
import static io.safaridesk.platform.template.Placeholder.SIGNUP_CODE;
import static io.safaridesk.platform.template.Placeholder.SIGNUP_NAME;
import static io.safaridesk.platform.template.Placeholder.SIGNUP_VALID_MINUTES;
import static io.safaridesk.platform.template.Placeholder.SLA_DUE_AT;
import static io.safaridesk.platform.template.Placeholder.SLA_TARGET;
import static io.safaridesk.platform.template.Placeholder.SURVEY_BAD_URL;
import static io.safaridesk.platform.template.Placeholder.SURVEY_GOOD_URL;
import static io.safaridesk.platform.template.Placeholder.TICKET_NUMBER;
import static io.safaridesk.platform.template.Placeholder.TICKET_STATUS;
import static io.safaridesk.platform.template.Placeholder.TICKET_SUBJECT;
import static io.safaridesk.platform.template.Placeholder.TICKET_URL;
import static io.safaridesk.platform.template.Placeholder.WEBHOOK_REASON;
import static io.safaridesk.platform.template.Placeholder.WEBHOOK_URL;
import static io.safaridesk.platform.template.Placeholder.WORKSPACE_NAME;
import static io.safaridesk.platform.template.Placeholder.WORKSPACE_SUPPORT_URL;

import io.safaridesk.platform.error.ApiProblem;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * The mails SafariDesk sends, each a set of three templates under {@code mail/templates/} (translations under
 * {@code mail/templates/<language>/}): {@code <name>.subject.txt}, {@code <name>.txt} (the plain-text alternative) and
 * {@code <name>.html} (the body, put into the shared branded layout). Each names the {@link Placeholder}s it may use;
 * the workspace's name and support site are available to all. Every mail but the sign-up code (sent before a workspace
 * exists) can be replaced per workspace and language.
 */
public enum MailTemplate {
    NEW_TICKET(
            "new-ticket", TICKET_NUMBER, TICKET_SUBJECT, TICKET_URL, REQUESTER_NAME, REQUESTER_EMAIL, RECIPIENT_NAME),
    TICKET_ASSIGNED("ticket-assigned", TICKET_NUMBER, TICKET_SUBJECT, TICKET_URL, REQUESTER_NAME, RECIPIENT_NAME),
    TICKET_REPLIED(
            "ticket-replied",
            TICKET_NUMBER,
            TICKET_SUBJECT,
            TICKET_URL,
            REQUESTER_NAME,
            RECIPIENT_NAME,
            AGENT_NAME,
            MESSAGE_TEXT,
            MESSAGE_HTML),
    PUBLIC_REPLY(
            "public-reply",
            TICKET_NUMBER,
            TICKET_SUBJECT,
            TICKET_URL,
            REQUESTER_NAME,
            RECIPIENT_NAME,
            AGENT_NAME,
            MESSAGE_TEXT,
            MESSAGE_HTML),
    MENTION(
            "mention",
            TICKET_NUMBER,
            TICKET_SUBJECT,
            TICKET_URL,
            REQUESTER_NAME,
            RECIPIENT_NAME,
            AGENT_NAME,
            MESSAGE_TEXT,
            MESSAGE_HTML),
    SLA_AT_RISK("sla-at-risk", TICKET_NUMBER, TICKET_SUBJECT, TICKET_URL, RECIPIENT_NAME, SLA_TARGET, SLA_DUE_AT),
    SLA_BREACHED("sla-breached", TICKET_NUMBER, TICKET_SUBJECT, TICKET_URL, RECIPIENT_NAME, SLA_TARGET, SLA_DUE_AT),
    TICKET_SOLVED(
            "ticket-solved",
            TICKET_NUMBER,
            TICKET_SUBJECT,
            TICKET_STATUS,
            TICKET_URL,
            REQUESTER_NAME,
            RECIPIENT_NAME,
            AGENT_NAME),
    TICKET_CLOSED(
            "ticket-closed",
            TICKET_NUMBER,
            TICKET_SUBJECT,
            TICKET_STATUS,
            TICKET_URL,
            REQUESTER_NAME,
            RECIPIENT_NAME,
            AGENT_NAME),
    TICKET_PENDING(
            "ticket-pending",
            TICKET_NUMBER,
            TICKET_SUBJECT,
            TICKET_STATUS,
            TICKET_URL,
            REQUESTER_NAME,
            RECIPIENT_NAME,
            AGENT_NAME),
    SATISFACTION_SURVEY(
            "satisfaction-survey",
            TICKET_NUMBER,
            TICKET_SUBJECT,
            TICKET_URL,
            REQUESTER_NAME,
            RECIPIENT_NAME,
            AGENT_NAME,
            SURVEY_GOOD_URL,
            SURVEY_BAD_URL),
    EXPORT_READY("export-ready", RECIPIENT_NAME, EXPORT_NAME, EXPORT_URL, EXPORT_EXPIRES_AT),
    WEBHOOK_DISABLED("webhook-disabled", RECIPIENT_NAME, WEBHOOK_URL, WEBHOOK_REASON),
    SIGNUP_OTP("signup-otp", SIGNUP_NAME, SIGNUP_CODE, SIGNUP_VALID_MINUTES);

    private final String file;
    private final Set<Placeholder> placeholders;

    MailTemplate(String file, Placeholder... placeholders) {
        this.file = file;
        this.placeholders = EnumSet.of(WORKSPACE_NAME, WORKSPACE_SUPPORT_URL);
        this.placeholders.addAll(Arrays.asList(placeholders));
    }

    public String file() {
        return file;
    }

    /** The placeholders this mail may use. */
    public Set<Placeholder> placeholders() {
        return EnumSet.copyOf(placeholders);
    }

    /** Whether a workspace may replace it (all but the sign-up code, which no workspace sends). */
    public boolean editable() {
        return this != SIGNUP_OTP;
    }

    /** The editable template named {@code file} ({@code ticket-solved}); 404 otherwise. */
    public static MailTemplate editable(String file) {
        return Arrays.stream(values())
                .filter(template -> template.file.equals(file.toLowerCase(Locale.ROOT)) && template.editable())
                .findFirst()
                .orElseThrow(() -> MailTemplateNotFound.named(file));
    }

    /** No editable mail template has this name. */
    public static final class MailTemplateNotFound extends ApiProblem {
        private MailTemplateNotFound(String detail) {
            super(HttpStatus.NOT_FOUND, "mail-template-not-found", detail);
        }

        static MailTemplateNotFound named(String name) {
            return new MailTemplateNotFound("There is no editable mail template " + name);
        }
    }
}
