package io.safaridesk.worker.inbound;

import io.safaridesk.domain.inbound.InboundRule;
import io.safaridesk.domain.inbound.ReviewReason;
import io.safaridesk.domain.mail.MailOrigin;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Tells what kind of mail a mail is before anything is threaded, by rules tried in this order (the first that applies
 * decides, and its reason is logged):
 *
 * <ol>
 *   <li>a report ({@code multipart/report} or a report part: delivery status, disposition notification, feedback
 *       report): logged only;
 *   <li>a bounce (failed recipients, a null or mailer-daemon return path, a daemon sender): logged only;
 *   <li>our own mail coming back (our signed origin header, or a Message-ID this workspace generated): logged only;
 *   <li>an automatic mail ({@code Auto-Submitted} other than {@code no}, {@code X-Autoreply}, {@code X-Autorespond},
 *       {@code Precedence: auto_reply}, or a notification another workspace sent): logged only;
 *   <li>mail from one of the workspace's own addresses: logged only;
 *   <li>bulk mail ({@code Precedence: bulk} or {@code junk}): logged only;
 *   <li>a subject that reads like an auto-reply in one of the major clients' languages: held for review;
 *   <li>a person's mail through a mailing list (List-Id, List-Post, Mailman's, Google's or {@code Precedence:
 *       list}): taken in, but nothing automatic of ours may answer it (RFC 3834);
 *   <li>else a person's mail.
 * </ol>
 */
final class MailClassifier {

    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster");
    private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile(
            "^\\s*(Automatic reply|Auto[- ]?reply|Autoreply|Out of (the )?office|Abwesenheitsnotiz|Automatische Antwort"
                    + "|Réponse automatique|Absence du bureau|Respuesta automática|Resposta automática"
                    + "|Risposta automatica|Automatisch antwoord|Afwezigheidsbericht|Automatiskt svar|Autosvar"
                    + "|Automatisk svar|Automaattinen vastaus|Odpowiedź automatyczna|自動応答|自動返信|自动回复|自動回覆)"
                    + "\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private MailClassifier() {}

    /** A Message-ID we sent: the workspace that sent it and whether a machine wrote it. */
    record Sent(TenantSlug workspace, boolean automatic) {}

    /**
     * What the classifier knows of the workspace in context.
     *
     * @param sent which of our mails a Message-ID is, if it is one (any workspace of the platform)
     */
    record Context(
            TenantSlug workspace, Set<String> ownAddresses, MailOrigin origin, Function<String, Optional<Sent>> sent) {}

    /** The kind of a mail. */
    enum Kind {
        /** A person wrote it to us: thread it or open a ticket. */
        PERSON,
        /** A person wrote it to a list we receive: thread it or open a ticket, but never answer it automatically. */
        LIST,
        /** Machine mail: logged with {@link Verdict#rule()}, nothing else. */
        REFUSED,
        /** Held for a person to decide, for {@link Verdict#review()}. */
        REVIEW
    }

    /** The kind, the rule that decided it (for refusals), the review reason (for reviews) and why, in plain words. */
    record Verdict(Kind kind, InboundRule rule, ReviewReason review, String reason) {

        static Verdict refused(InboundRule rule, String reason) {
            return new Verdict(Kind.REFUSED, rule, null, reason);
        }

        boolean autoReplyAllowed() {
            return kind == Kind.PERSON;
        }
    }

    static Verdict classify(ParsedMail mail, Context context) {
        return report(mail)
                .or(() -> bounce(mail))
                .or(() -> ownMail(mail, context))
                .or(() -> automatic(mail, context))
                .or(() -> ownAddress(mail, context))
                .or(() -> bulk(mail))
                .or(() -> suspectedAutoReply(mail))
                .orElseGet(() -> list(mail));
    }

    private static Optional<Verdict> report(ParsedMail mail) {
        if (mail.report() == null) {
            return Optional.empty();
        }
        return Optional.of(
                switch (mail.report()) {
                    case "delivery-status" ->
                        Verdict.refused(InboundRule.REFUSED_BOUNCE, "a delivery status notification (RFC 3464)");
                    case "disposition-notification" ->
                        Verdict.refused(
                                InboundRule.REFUSED_REPORT,
                                "a read receipt or other disposition notification (RFC 8098)");
                    case "feedback-report" ->
                        Verdict.refused(InboundRule.REFUSED_REPORT, "an abuse feedback report (ARF, RFC 5965)");
                    default ->
                        Verdict.refused(
                                InboundRule.REFUSED_REPORT, "a report of type " + mail.report() + " (RFC 6522)");
                });
    }

    private static Optional<Verdict> bounce(ParsedMail mail) {
        if (mail.header("X-Failed-Recipients") != null) {
            return Optional.of(Verdict.refused(InboundRule.REFUSED_BOUNCE, "it names failed recipients"));
        }
        String returnPath = lower(mail.returnPath());
        if (returnPath != null) {
            String path = returnPath.replaceAll("[<>\\s]", "");
            if (path.isEmpty()) {
                return Optional.of(Verdict.refused(InboundRule.REFUSED_BOUNCE, "its return path is null (<>)"));
            }
            if (path.startsWith("mailer-daemon@")) {
                return Optional.of(Verdict.refused(InboundRule.REFUSED_BOUNCE, "its return path is a mailer daemon"));
            }
        }
        if (mail.from() == null) {
            return Optional.of(Verdict.refused(InboundRule.REFUSED_BOUNCE, "it has no sender"));
        }
        String local = mail.from().email().substring(0, mail.from().email().indexOf('@'));
        return DAEMONS.contains(local)
                ? Optional.of(Verdict.refused(InboundRule.REFUSED_BOUNCE, "its sender is " + local))
                : Optional.empty();
    }

    private static Optional<Verdict> ownMail(ParsedMail mail, Context context) {
        Optional<MailOrigin.Origin> origin = context.origin().verify(mail.header(MailOrigin.HEADER));
        if (origin.filter(o -> o.workspace().equals(context.workspace())).isPresent()) {
            return Optional.of(Verdict.refused(
                    InboundRule.REFUSED_OWN_MAIL, "our own mail came back: it carries our signed origin header"));
        }
        Optional<Sent> sent = context.sent().apply(mail.messageId());
        if (sent.filter(s -> s.workspace().equals(context.workspace())).isPresent()) {
            return Optional.of(Verdict.refused(
                    InboundRule.REFUSED_OWN_MAIL, "our own mail came back: its Message-ID is one we generated"));
        }
        return Optional.empty();
    }

    private static Optional<Verdict> ownAddress(ParsedMail mail, Context context) {
        for (ParsedMail.Address sender : new ParsedMail.Address[] {mail.from(), mail.headerFrom()}) {
            if (sender != null && context.ownAddresses().contains(OwnAddresses.base(sender.email()))) {
                return Optional.of(Verdict.refused(
                        InboundRule.REFUSED_OWN_ADDRESS, "it is from our own address " + sender.email()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Verdict> automatic(ParsedMail mail, Context context) {
        String autoSubmitted = lower(mail.header("Auto-Submitted"));
        if (autoSubmitted != null && !autoSubmitted.startsWith("no")) {
            return Optional.of(Verdict.refused(
                    InboundRule.REFUSED_AUTO_SUBMITTED, "Auto-Submitted: " + autoSubmitted + " (RFC 3834)"));
        }
        for (String header : new String[] {"X-Autoreply", "X-Autorespond"}) {
            if (mail.header(header) != null) {
                return Optional.of(Verdict.refused(InboundRule.REFUSED_AUTO_SUBMITTED, "it carries " + header));
            }
        }
        if ("auto_reply".equals(lower(mail.header("Precedence")))) {
            return Optional.of(Verdict.refused(InboundRule.REFUSED_AUTO_SUBMITTED, "Precedence: auto_reply"));
        }
        Optional<TenantSlug> otherWorkspace = context.origin()
                .verify(mail.header(MailOrigin.HEADER))
                .filter(MailOrigin.Origin::automatic)
                .map(MailOrigin.Origin::workspace)
                .or(() -> context.sent()
                        .apply(mail.messageId())
                        .filter(Sent::automatic)
                        .map(Sent::workspace));
        return otherWorkspace.map(slug -> Verdict.refused(
                InboundRule.REFUSED_AUTO_SUBMITTED, "a notification of the SafariDesk workspace " + slug.value()));
    }

    private static Optional<Verdict> bulk(ParsedMail mail) {
        String precedence = lower(mail.header("Precedence"));
        return "bulk".equals(precedence) || "junk".equals(precedence)
                ? Optional.of(Verdict.refused(InboundRule.REFUSED_BULK, "Precedence: " + precedence))
                : Optional.empty();
    }

    private static Optional<Verdict> suspectedAutoReply(ParsedMail mail) {
        return mail.subject() != null
                        && AUTO_REPLY_SUBJECT.matcher(mail.subject()).matches()
                ? Optional.of(new Verdict(
                        Kind.REVIEW,
                        InboundRule.HELD_FOR_REVIEW,
                        ReviewReason.SUSPECTED_AUTO_REPLY,
                        ReviewReason.SUSPECTED_AUTO_REPLY.explanation()))
                : Optional.empty();
    }

    private static Verdict list(ParsedMail mail) {
        boolean precedenceList = "list".equals(lower(mail.header("Precedence")));
        if (!ListSender.isList(mail.headers()) && !precedenceList) {
            return new Verdict(Kind.PERSON, null, null, null);
        }
        String name = mail.header("List-Id") != null
                ? mail.header("List-Id")
                : ListSender.postAddress(mail.headers()).orElse("a list");
        return new Verdict(Kind.LIST, null, null, "through mailing list " + name + "; no automatic reply (RFC 3834)");
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
