package io.safaridesk.worker.notification;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What a notification needs to know about a ticket, its people and a message, read from the workspace's schema. */
@Component
class TicketFacts {

    @PersistenceContext
    private EntityManager entityManager;

    record TicketInfo(
            long id,
            String reference,
            String subject,
            Long assigneeId,
            String requesterName,
            String requesterEmail,
            String channel,
            String status) {}

    /** An agent; {@code language} is their profile's, null for the workspace's default. */
    record Person(long agentId, String userId, String name, String email, boolean active, String language) {}

    /**
     * Someone on the requester's side of a ticket: the requester or a CC'd participant, with their contact's language
     * (else their portal profile's, else null), their portal user (null if none) and whether they want status mail.
     */
    record Customer(String email, String name, String language, String userId, boolean emailUpdates) {}

    record MessageInfo(String authorName, String bodyHtml, String bodyText, boolean isPublic) {}

    @Transactional(propagation = Propagation.MANDATORY)
    Optional<TicketInfo> ticket(long ticketId) {
        List<?> rows = entityManager
                .createNativeQuery("select t.id, coalesce(s.ticket_number_prefix, 'T-') || t.number, t.subject,"
                        + " t.assignee_id, c.name, c.email, t.channel, st.name from tickets t"
                        + " join contacts c on c.id = t.requester_id join ticket_statuses st on st.id = t.status_id"
                        + " left join workspace_settings s on true where t.id = :id")
                .setParameter("id", ticketId)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] r = (Object[]) row;
            return new TicketInfo(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    r[3] == null ? null : ((Number) r[3]).longValue(),
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    (String) r[7]);
        });
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Person> agent(long agentId) {
        return agents("a.id = :id", agentId).stream().findFirst();
    }

    /** The agent signed in as this realm user, if one is. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Person> agentOfUser(String userId) {
        return userId == null
                ? Optional.empty()
                : agents("a.keycloak_user_id = :id", userId).stream().findFirst();
    }

    /** The ticket's watchers and its assignee, active ones only, each once. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Person> followers(long ticketId) {
        return agents(
                        "(a.id in (select agent_id from ticket_watchers where ticket_id = :id)"
                                + " or a.id = (select assignee_id from tickets where id = :id))",
                        ticketId)
                .stream()
                .filter(Person::active)
                .toList();
    }

    /** The requester, then the CC'd participants other than the requester, in the order they joined. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Customer> customers(long ticketId) {
        List<?> rows = entityManager
                .createNativeQuery("select c.email, c.name, coalesce(c.language, p.language), c.user_id,"
                        + " c.email_updates, 0 as rank, null as added_at from tickets t"
                        + " join contacts c on c.id = t.requester_id left join profiles p on p.user_id = c.user_id"
                        + " where t.id = :id"
                        + " union all"
                        + " select tp.email, coalesce(c.name, tp.email), coalesce(c.language, p.language), c.user_id,"
                        + " coalesce(c.email_updates, true), 1, tp.added_at from ticket_participants tp"
                        + " left join contacts c on c.id = tp.contact_id left join profiles p on p.user_id = c.user_id"
                        + " where tp.ticket_id = :id and tp.email <> (select lower(r.email) from tickets t"
                        + " join contacts r on r.id = t.requester_id where t.id = :id)"
                        + " order by rank, added_at")
                .setParameter("id", ticketId)
                .getResultList();
        return rows.stream()
                .map(row -> {
                    Object[] r = (Object[]) row;
                    return new Customer(
                            (String) r[0], (String) r[1], (String) r[2], (String) r[3], Boolean.TRUE.equals(r[4]));
                })
                .toList();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Optional<MessageInfo> message(long messageId) {
        List<?> rows = entityManager
                .createNativeQuery(
                        "select author_name, body_html, body_text, visibility from ticket_messages" + " where id = :id")
                .setParameter("id", messageId)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] r = (Object[]) row;
            return new MessageInfo((String) r[0], (String) r[1], (String) r[2], "PUBLIC".equals(r[3]));
        });
    }

    private List<Person> agents(String condition, Object id) {
        List<?> rows = entityManager
                .createNativeQuery(
                        "select a.id, a.keycloak_user_id, a.name, a.email, a.active and a.deleted_at is null,"
                                + " p.language from agents a left join profiles p on p.user_id = a.keycloak_user_id where "
                                + condition + " order by a.id")
                .setParameter("id", id)
                .getResultList();
        return rows.stream()
                .map(row -> {
                    Object[] r = (Object[]) row;
                    return new Person(
                            ((Number) r[0]).longValue(),
                            (String) r[1],
                            (String) r[2],
                            (String) r[3],
                            Boolean.TRUE.equals(r[4]),
                            (String) r[5]);
                })
                .toList();
    }
}
