package io.safaridesk.domain.ticket;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Set-based SQL for merges and permanent deletes: a ticket's conversation and watchers move in one statement each. */
interface MergeRepository extends Repository<Ticket, Long> {

    @Modifying
    @Query(nativeQuery = true, value = "update ticket_messages set ticket_id = :target where ticket_id in (:sources)")
    int moveMessages(@Param("target") long targetId, @Param("sources") Collection<Long> sourceIds);

    @Modifying
    @Query(
            nativeQuery = true,
            value = "update ticket_attachments set ticket_id = :target where ticket_id in (:sources)")
    int moveAttachments(@Param("target") long targetId, @Param("sources") Collection<Long> sourceIds);

    @Modifying
    @Query(
            nativeQuery = true,
            value = "insert into ticket_watchers (ticket_id, agent_id)"
                    + " select distinct :target, agent_id from ticket_watchers where ticket_id in (:sources)"
                    + " on conflict do nothing")
    int copyWatchers(@Param("target") long targetId, @Param("sources") Collection<Long> sourceIds);

    @Modifying
    @Query(nativeQuery = true, value = "delete from ticket_watchers where ticket_id in (:sources)")
    int dropWatchers(@Param("sources") Collection<Long> sourceIds);

    /** An internal note on the merged ticket, written by the merging agent. */
    @Modifying
    @Query(
            nativeQuery = true,
            value = "insert into ticket_messages"
                    + " (ticket_id, visibility, author_agent_id, author_name, body_html, body_text, channel, created_at)"
                    + " values (:ticket, 'INTERNAL', :agent, :author, :html, :text, 'INTERNAL', now())")
    int addNote(
            @Param("ticket") long ticketId,
            @Param("agent") Long agentId,
            @Param("author") String author,
            @Param("html") String html,
            @Param("text") String text);

    /** Of {@code ids}, those that tickets outside {@code ids} were merged into (they cannot go). */
    @Query(
            nativeQuery = true,
            value = "select distinct merged_into_id from tickets"
                    + " where merged_into_id in (:ids) and id not in (:ids)")
    List<Long> mergeTargetsOfOthers(@Param("ids") Collection<Long> ids);

    @Modifying
    @Query(nativeQuery = true, value = "delete from tickets where id in (:ids)")
    int deleteAll(@Param("ids") Collection<Long> ids);
}
