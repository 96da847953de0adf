package io.safaridesk.platform.mail;

/**
 * The mails SafariDesk sends, each a set of three templates under {@code mail/templates/}: {@code <name>.subject.txt},
 * {@code <name>.txt} (the plain-text alternative) and {@code <name>.html} (in the shared branded layout).
 */
public enum MailTemplate {
    NEW_TICKET("new-ticket"),
    TICKET_ASSIGNED("ticket-assigned"),
    TICKET_REPLIED("ticket-replied"),
    PUBLIC_REPLY("public-reply"),
    MENTION("mention"),
    SLA_AT_RISK("sla-at-risk"),
    SLA_BREACHED("sla-breached"),
    EXPORT_READY("export-ready"),
    SIGNUP_OTP("signup-otp");

    private final String file;

    MailTemplate(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }
}
