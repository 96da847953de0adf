package io.safaridesk.domain.satisfaction;

import io.safaridesk.domain.ticket.Tickets;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.events.DomainEvents;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.web.Cursor;
import io.safaridesk.platform.web.KeysetPage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The surveys of the workspace in context: answered by their requester through a link token, read by staff on a
 * ticket or as a list, and handed to the worker's mailer when due. A token reaches only its own survey: it is
 * verified against the workspace in context before any row is read.
 */
@Component
@Transactional
public class Satisfaction {

    private static final String COLUMNS = "s.id, s.ticket_id, t.number, s.agent_id, s.department_id, s.solved_at,"
            + " s.state, s.sent_at, s.expires_at, s.rating, s.comment, s.rated_at";

    @PersistenceContext
    private EntityManager entityManager;

    private final SurveyTokens tokens;
    private final DomainEvents events;
    private final Tickets tickets;
    private final Clock clock;
    private final Duration answerWindow;

    Satisfaction(
            SurveyTokens tokens,
            DomainEvents events,
            Tickets tickets,
            Clock clock,
            @Value("${safaridesk.satisfaction.answer-window:28d}") Duration answerWindow) {
        this.tokens = tokens;
        this.events = events;
        this.tickets = tickets;
        this.clock = clock;
        this.answerWindow = answerWindow;
    }

    /** One survey as staff see it: the ticket, who solved it, and the answer if any. */
    public record Survey(
            long id,
            long ticketId,
            long ticketNumber,
            Long agentId,
            Long departmentId,
            Instant solvedAt,
            String state,
            Instant sentAt,
            Instant expiresAt,
            String rating,
            String comment,
            Instant ratedAt) {}

    /** What the survey page shows the requester holding a link: their ticket and their answer so far. */
    public record SurveyView(
            String ticketReference,
            String subject,
            String rating,
            String comment,
            Instant ratedAt,
            Instant expiresAt) {}

    /** The survey a link names, for its page. */
    @Transactional(readOnly = true)
    public SurveyView view(String token) {
        return viewOf(answerable(token, false));
    }

    /**
     * Records {@code rating} (and {@code comment}, when not null; blank clears it) as the survey's answer: the last
     * answer within the window wins. An answer that changes nothing is accepted and records nothing; one that changes
     * the rating or comment is written to the ticket's history and raises {@link SatisfactionReceived}.
     */
    public SurveyView answer(String token, Rating rating, String comment) {
        Survey survey = answerable(token, true);
        String newComment = comment == null ? survey.comment() : comment.isBlank() ? null : comment.strip();
        boolean rated = !rating.name().equals(survey.rating());
        boolean commented = !Objects.equals(newComment, survey.comment());
        if (!rated && !commented) {
            return viewOf(survey);
        }
        Instant now = clock.instant();
        entityManager
                .createNativeQuery("update satisfaction_surveys set rating = :rating, comment = :comment,"
                        + " rated_at = :at where id = :id")
                .setParameter("rating", rating.name())
                .setParameter("comment", newComment)
                .setParameter("at", now.atOffset(ZoneOffset.UTC))
                .setParameter("id", survey.id())
                .executeUpdate();
        if (rated) {
            history(survey, "satisfaction", survey.rating(), rating.name(), now);
        }
        if (commented) {
            history(survey, "satisfaction_comment", survey.comment(), newComment, now);
        }
        events.record(
                SatisfactionReceived.ROUTING_KEY,
                new SatisfactionReceived(
                        survey.ticketId(),
                        survey.ticketNumber(),
                        survey.id(),
                        rating.name(),
                        survey.rating(),
                        newComment != null,
                        survey.agentId(),
                        survey.departmentId(),
                        null,
                        now));
        return viewOf(answerable(token, false));
    }

    /** The surveys of a ticket the caller sees, oldest first; 404 for a ticket out of their sight. */
    @Transactional(readOnly = true)
    public List<Survey> ofTicket(long ticketId, Actor actor) {
        tickets.get(ticketId, actor);
        return surveys("s.ticket_id = " + ticketId + " order by s.id", null);
    }

    /**
     * The answered surveys, newest first, a page at a time: every one for admins, for an agent those about tickets
     * they solved; {@code rating} (may be null) keeps one kind.
     */
    @Transactional(readOnly = true)
    public KeysetPage<Survey> answers(Actor actor, Rating rating, String cursor, int limit) {
        long before = Cursor.decodeId(cursor);
        String condition = "s.rating is not null" + (before > 0 ? " and s.id < " + before : "")
                + (rating == null ? "" : " and s.rating = '" + rating.name() + "'")
                + (actor.isAdmin() ? "" : " and s.agent_id = " + actor.agentId());
        return KeysetPage.of(surveys(condition + " order by s.id desc limit " + limit, null), limit, Survey::id);
    }

    /** A survey whose time has come, and why it may not go after all (null: it may). */
    public record DueSurvey(long id, long ticketId, String skipReason) {}

    /** The scheduled surveys due at {@code now}, locked for the caller's transaction (replicas skip them). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<DueSurvey> due(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select s.id, s.ticket_id, case when not c.enabled then 'SURVEYS_OFF'"
                        + " when t.trashed_at is not null then 'TRASHED' when t.merged_into_id is not null"
                        + " then 'MERGED' end from satisfaction_surveys s join tickets t on t.id = s.ticket_id"
                        + " cross join satisfaction_settings c where s.state = 'SCHEDULED' and s.send_after <= :now"
                        + " order by s.send_after limit :limit for update of s skip locked")
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(row -> new DueSurvey(SurveyRows.id(row[0]), SurveyRows.id(row[1]), (String) row[2]))
                .toList();
    }

    /** The link token of a survey about to be mailed at {@code now}, and until when it can be answered. */
    public record Sending(String token, Instant expiresAt) {}

    public Sending sending(long surveyId, Instant now) {
        Instant expiresAt = now.plus(answerWindow);
        return new Sending(tokens.issue(TenantContext.current(), surveyId, expiresAt), expiresAt);
    }

    /** The survey's mail is queued: it can be answered until {@code expiresAt}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void sent(long surveyId, Instant sentAt, Instant expiresAt) {
        entityManager
                .createNativeQuery("update satisfaction_surveys set state = 'SENT', sent_at = :sent,"
                        + " expires_at = :expires where id = :id and state = 'SCHEDULED'")
                .setParameter("sent", sentAt.atOffset(ZoneOffset.UTC))
                .setParameter("expires", expiresAt.atOffset(ZoneOffset.UTC))
                .setParameter("id", surveyId)
                .executeUpdate();
    }

    /** The survey will not go, for {@code reason} (SURVEYS_OFF, TRASHED, MERGED, OPTED_OUT, AUTOMATIC_MAIL_REFUSED). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void skipped(long surveyId, String reason) {
        entityManager
                .createNativeQuery("update satisfaction_surveys set state = 'SKIPPED', skip_reason = :reason"
                        + " where id = :id and state = 'SCHEDULED'")
                .setParameter("reason", reason)
                .setParameter("id", surveyId)
                .executeUpdate();
    }

    /** The sent survey a token names, locked when it is to be answered; refused as expired past its window. */
    private Survey answerable(String token, boolean lock) {
        Instant now = clock.instant();
        long id = tokens.verify(TenantContext.current(), token, now);
        Survey survey = surveys("s.id = " + id + " and s.state = 'SENT'", lock ? " for update of s" : null).stream()
                .findFirst()
                .orElseThrow(SurveyTokens.SurveyNotFound::forToken);
        if (!now.isBefore(survey.expiresAt())) {
            throw SurveyTokens.SurveyExpired.at(survey.expiresAt());
        }
        return survey;
    }

    private SurveyView viewOf(Survey survey) {
        Object[] row = (Object[]) entityManager
                .createNativeQuery("select coalesce(w.ticket_number_prefix, 'T-') || t.number, t.subject"
                        + " from tickets t left join workspace_settings w on true where t.id = :id")
                .setParameter("id", survey.ticketId())
                .getSingleResult();
        return new SurveyView(
                (String) row[0],
                (String) row[1],
                survey.rating(),
                survey.comment(),
                survey.ratedAt(),
                survey.expiresAt());
    }

    /** Surveys matching {@code condition} (built from numbers and constants only, never from input text). */
    private List<Survey> surveys(String condition, String lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select " + COLUMNS + " from satisfaction_surveys s join tickets t on t.id ="
                        + " s.ticket_id where " + condition + (lock == null ? "" : lock))
                .getResultList();
        return rows.stream()
                .map(row -> new Survey(
                        SurveyRows.id(row[0]),
                        SurveyRows.id(row[1]),
                        SurveyRows.id(row[2]),
                        SurveyRows.id(row[3]),
                        SurveyRows.id(row[4]),
                        SurveyRows.instant(row[5]),
                        (String) row[6],
                        SurveyRows.instant(row[7]),
                        SurveyRows.instant(row[8]),
                        (String) row[9],
                        (String) row[10],
                        SurveyRows.instant(row[11])))
                .toList();
    }

    /** A line in the ticket's history, in the requester's name: the answer came from them through the link. */
    private void history(Survey survey, String field, String oldValue, String newValue, Instant at) {
        entityManager
                .createNativeQuery("insert into ticket_activities (ticket_id, actor_id, actor_name, action, field,"
                        + " old_value, new_value, created_at) select t.id, c.user_id, c.name, 'satisfaction_rated',"
                        + " :field, :old, :new, :at from tickets t join contacts c on c.id = t.requester_id"
                        + " where t.id = :ticket")
                .setParameter("field", field)
                .setParameter("old", oldValue)
                .setParameter("new", newValue)
                .setParameter("at", at.atOffset(ZoneOffset.UTC))
                .setParameter("ticket", survey.ticketId())
                .executeUpdate();
    }
}
