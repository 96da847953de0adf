package io.safaridesk.worker.inbound;

import io.safaridesk.domain.agent.Agent;
import io.safaridesk.domain.agent.AgentRole;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.domain.contact.Contact;
import io.safaridesk.domain.contact.Contacts;
import io.safaridesk.domain.inbound.AutomaticReplies;
import io.safaridesk.domain.inbound.InboundLog;
import io.safaridesk.domain.inbound.InboundReviews;
import io.safaridesk.domain.inbound.InboundRule;
import io.safaridesk.domain.inbound.InboundSettings;
import io.safaridesk.domain.inbound.MailThreads;
import io.safaridesk.domain.inbound.NonParticipantAction;
import io.safaridesk.domain.inbound.ReviewReason;
import io.safaridesk.domain.mail.MailOrigin;
import io.safaridesk.domain.ticket.Channel;
import io.safaridesk.domain.ticket.MessageVisibility;
import io.safaridesk.domain.ticket.Ticket;
import io.safaridesk.domain.ticket.TicketConversation;
import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes one parsed mail into the workspace in context, in one transaction: tells its kind ({@link MailClassifier}:
 * reports, bounces, our own mail and machine mail are only logged; a suspected auto-reply is held for review), holds
 * a flood for review, finds the ticket it continues ({@link Threading}) and, by who sent it, makes it a public reply
 * (requester, CC'd participant, agent), a note or a new linked ticket (anyone else, per the workspace's setting; held
 * for review on a closed ticket), or opens a new ticket; records the outcome with the rule that decided it and why.
 * Mail through a mailing list is taken in like any other, but marked so that nothing automatic answers it.
 */
@Component
@Transactional
class MailIntake {

    private static final Duration FLOOD_WINDOW = Duration.ofHours(1);

    private final InboundLog log;
    private final InboundSettings settings;
    private final OwnAddresses own;
    private final Threading threading;
    private final MailThreads threads;
    private final Contacts contacts;
    private final Agents agents;
    private final Tickets tickets;
    private final TicketConversation conversation;
    private final MailContent content;
    private final InboundReviews reviews;
    private final AutomaticReplies automaticReplies;
    private final MailOrigin origin;
    private final Clock clock;

    MailIntake(
            InboundLog log,
            InboundSettings settings,
            OwnAddresses own,
            Threading threading,
            MailThreads threads,
            Contacts contacts,
            Agents agents,
            Tickets tickets,
            TicketConversation conversation,
            MailContent content,
            InboundReviews reviews,
            AutomaticReplies automaticReplies,
            MailOrigin origin,
            Clock clock) {
        this.reviews = reviews;
        this.automaticReplies = automaticReplies;
        this.origin = origin;
        this.log = log;
        this.settings = settings;
        this.own = own;
        this.threading = threading;
        this.threads = threads;
        this.contacts = contacts;
        this.agents = agents;
        this.tickets = tickets;
        this.conversation = conversation;
        this.content = content;
        this.clock = clock;
    }

    /** What became of a mail; {@code review} is set when it was held for review. */
    record Outcome(
            InboundRule rule, Long ticketId, Long messageId, Long relatedTicketId, String detail, ReviewReason review) {

        static Outcome of(InboundRule rule) {
            return new Outcome(rule, null, null, null, null, null);
        }

        static Outcome held(ReviewReason reason, Long ticketId) {
            return new Outcome(InboundRule.HELD_FOR_REVIEW, null, null, ticketId, reason.explanation(), reason);
        }

        Outcome withDetail(String more) {
            return more == null
                    ? this
                    : new Outcome(rule, ticketId, messageId, relatedTicketId, join(detail, more), review);
        }
    }

    @Transactional(readOnly = true)
    boolean seen(String messageId) {
        return log.seen(messageId);
    }

    /** Takes the mail in (or answers DUPLICATE, recording nothing: the caller logs it aside). */
    Outcome take(ParsedMail mail, Long mailboxId, String rawKey) {
        if (log.seen(mail.messageId())) {
            return Outcome.of(InboundRule.DUPLICATE);
        }
        Set<String> ours = own.current();
        MailClassifier.Verdict verdict = MailClassifier.classify(
                mail, new MailClassifier.Context(TenantContext.current(), ours, origin, own::sent));
        Outcome outcome = switch (verdict.kind()) {
            case REFUSED -> Outcome.of(verdict.rule()).withDetail(verdict.reason());
            case REVIEW -> Outcome.held(verdict.review(), null);
            case PERSON, LIST ->
                flooding(mail)
                        ? Outcome.held(ReviewReason.FLOOD, null)
                        : accept(mail).withDetail(verdict.reason());
        };
        if (verdict.kind() == MailClassifier.Kind.LIST) {
            rememberList(mail, ours);
        }
        long logged = log.recordTaken(new InboundLog.NewEntry(
                mailboxId,
                mail.messageId(),
                mail.from() == null ? null : mail.from().email(),
                mail.subject(),
                outcome.rule(),
                outcome.ticketId(),
                outcome.messageId(),
                outcome.relatedTicketId(),
                rawKey,
                outcome.detail(),
                verdict.autoReplyAllowed()));
        if (outcome.review() != null) {
            reviews.hold(held(mail, logged, outcome.review(), outcome.detail(), outcome.relatedTicketId(), rawKey));
        }
        return outcome;
    }

    /**
     * Takes in a mail that a platform operator routed by hand into the workspace in context (it reached the catch-all
     * naming no workspace): logged as held for review, then released at once through the review queue's own release
     * path, as a new ticket of its sender or, with {@code ticketId}, as the sender's reply on that ticket.
     */
    InboundReviews.Released takeReleased(ParsedMail mail, String rawKey, String why, Long ticketId, Actor operator) {
        if (mail.from() == null) {
            throw InboundOperationRefused.noSender(mail.messageId());
        }
        if (log.seen(mail.messageId())) {
            throw InboundOperationRefused.takenInBefore(mail.messageId());
        }
        String detail = ReviewReason.UNROUTABLE.explanation() + " (" + why + ")";
        // a person decided where it goes, not whether it is list mail: nothing automatic answers list mail
        Set<String> ours = own.current();
        MailClassifier.Verdict verdict = MailClassifier.classify(
                mail, new MailClassifier.Context(TenantContext.current(), ours, origin, own::sent));
        if (verdict.kind() == MailClassifier.Kind.LIST) {
            rememberList(mail, ours);
        }
        long logged = log.recordTaken(new InboundLog.NewEntry(
                null,
                mail.messageId(),
                mail.from().email(),
                mail.subject(),
                InboundRule.HELD_FOR_REVIEW,
                null,
                null,
                null,
                rawKey,
                detail,
                verdict.autoReplyAllowed()));
        return reviews.releaseNow(
                held(mail, logged, ReviewReason.UNROUTABLE, detail, null, rawKey), ticketId, operator);
    }

    private static InboundReviews.Held held(
            ParsedMail mail, long logged, ReviewReason reason, String detail, Long ticketId, String rawKey) {
        return new InboundReviews.Held(
                logged,
                mail.messageId(),
                mail.from().email(),
                mail.from().displayName(),
                MailContent.subject(mail),
                reason,
                detail,
                ticketId,
                MailContent.newTicketHtml(mail),
                MailContent.replyHtml(mail),
                rawKey,
                MailContent.files(mail));
    }

    private boolean flooding(ParsedMail mail) {
        long sent = log.sentSince(mail.from().email(), clock.instant().minus(FLOOD_WINDOW));
        return sent >= settings.current().senderLimitPerHour();
    }

    /** The list's posting address and the From it rewrote mail to are never sent automatic mail. */
    private void rememberList(ParsedMail mail, Set<String> ours) {
        String listId = mail.header("List-Id");
        ListSender.postAddress(mail.headers())
                .filter(address -> !ours.contains(OwnAddresses.base(address)))
                .ifPresent(address -> automaticReplies.rememberList(address, listId));
        if (mail.headerFrom() != null && !mail.headerFrom().equals(mail.from())) {
            automaticReplies.rememberList(mail.headerFrom().email(), listId);
        }
    }

    private Outcome accept(ParsedMail mail) {
        return threading
                .find(mail)
                .flatMap(match -> threads.ticket(match.ticketId()).map(ticket -> continueTicket(mail, match, ticket)))
                .orElseGet(() -> open(mail, InboundRule.NEW_TICKET, null, null));
    }

    private Outcome continueTicket(ParsedMail mail, Threading.Match match, MailThreads.ThreadTicket ticket) {
        String sender = mail.from().email();
        String threadedBy = "threaded by " + match.rule();
        if (sender.equalsIgnoreCase(ticket.requesterEmail())) {
            return replyAsCustomer(mail, match.rule(), ticket, ticket.requesterId(), "from the requester");
        }
        Optional<Long> participant = threads.participantContact(ticket.id(), sender);
        if (participant.isPresent()) {
            return replyAsCustomer(mail, match.rule(), ticket, participant.get(), "from a CC'd participant");
        }
        List<Agent> agent = agents.activeWithEmails(List.of(sender));
        if (!agent.isEmpty()) {
            Actor actor = staff(agent.getFirst());
            return reply(mail, InboundRule.AGENT_REPLY, ticket.id(), MessageVisibility.PUBLIC, actor)
                    .withDetail(threadedBy);
        }
        if (ticket.closed()) {
            return Outcome.held(ReviewReason.NON_PARTICIPANT_ON_CLOSED_TICKET, ticket.id())
                    .withDetail(threadedBy + " to closed ticket " + ticket.id());
        }
        if (settings.current().nonParticipant() == NonParticipantAction.NOTE) {
            Contact contact = contacts.requester(mail.from().displayName(), sender, null);
            Actor outsider =
                    new Actor(null, mail.from().displayName(), Actor.Role.CUSTOMER, null, Set.of(), contact.id());
            return reply(mail, InboundRule.NON_PARTICIPANT_NOTE, ticket.id(), MessageVisibility.INTERNAL, outsider)
                    .withDetail(threadedBy + "; the sender is not on the ticket");
        }
        return open(
                        mail,
                        InboundRule.NON_PARTICIPANT_NEW_TICKET,
                        ticket.id(),
                        MailThreads.LinkKind.NON_PARTICIPANT_REPLY)
                .withDetail(threadedBy + " to ticket " + ticket.id() + "; the sender is not on it");
    }

    private Outcome replyAsCustomer(
            ParsedMail mail, InboundRule rule, MailThreads.ThreadTicket ticket, long contactId, String who) {
        if (ticket.closed()) {
            return open(mail, InboundRule.CLOSED_TICKET_NEW_TICKET, ticket.id(), MailThreads.LinkKind.FOLLOW_UP)
                    .withDetail("threaded by " + rule + " to closed ticket " + ticket.id());
        }
        Actor actor = Actor.customer(null, mail.from().displayName(), contactId);
        addParticipants(ticket.id(), mail, ticket.requesterEmail());
        return reply(mail, rule, ticket.id(), MessageVisibility.PUBLIC, actor).withDetail(who);
    }

    private Outcome reply(ParsedMail mail, InboundRule rule, long ticketId, MessageVisibility visibility, Actor actor) {
        TicketConversation.Entry entry = conversation.fromEmail(
                ticketId,
                visibility,
                new TicketConversation.Draft("body", MailContent.replyHtml(mail), Channel.EMAIL),
                actor);
        threads.addInbound(ticketId, mail.messageId());
        String skipped = content.attach(ticketId, entry.message().id(), mail, actor);
        return new Outcome(rule, ticketId, entry.message().id(), null, skipped, null);
    }

    private Outcome open(ParsedMail mail, InboundRule rule, Long relatedTicketId, MailThreads.LinkKind link) {
        Contact requester =
                contacts.requester(mail.from().displayName(), mail.from().email(), null);
        Actor actor = Actor.webForm(mail.from().displayName(), requester.id());
        Ticket ticket = tickets.create(
                new Tickets.NewTicket(
                        MailContent.subject(mail),
                        MailContent.newTicketHtml(mail),
                        Channel.EMAIL,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        null),
                actor);
        threads.addInbound(ticket.id(), mail.messageId());
        addParticipants(ticket.id(), mail, requester.email());
        if (relatedTicketId != null) {
            threads.link(ticket.id(), relatedTicketId, link);
        }
        String skipped = content.attach(ticket.id(), null, mail, actor);
        return new Outcome(rule, ticket.id(), null, relatedTicketId, skipped, null);
    }

    /** The people the mail was also addressed to join the ticket's thread, except us, staff and the requester. */
    private void addParticipants(long ticketId, ParsedMail mail, String requesterEmail) {
        Set<String> ours = own.current();
        List<ParsedMail.Address> people = mail.cc().stream()
                .filter(a -> !ours.contains(OwnAddresses.base(a.email())))
                .filter(a -> !a.email().equalsIgnoreCase(requesterEmail))
                .toList();
        if (people.isEmpty()) {
            return;
        }
        Set<String> staff = agents
                .activeWithEmails(people.stream().map(ParsedMail.Address::email).toList())
                .stream()
                .map(agent -> agent.email().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        threads.addParticipants(
                ticketId,
                people.stream()
                        .filter(a -> !staff.contains(a.email()))
                        .map(a -> new MailThreads.Participant(
                                a.email(),
                                contacts.requester(a.displayName(), a.email(), null)
                                        .id()))
                        .toList());
    }

    private static Actor staff(Agent agent) {
        return Actor.staff(
                agent.keycloakUserId(),
                agent.name(),
                agent.role() == AgentRole.ADMIN ? Actor.Role.ADMIN : Actor.Role.AGENT,
                agent.id(),
                Set.of());
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }
}
