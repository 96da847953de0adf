package io.safaridesk.domain.task;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TaskCommentRepository extends JpaRepository<TaskComment, Long> {

    List<TaskComment> findByTaskIdAndIdGreaterThanOrderByIdAsc(long taskId, long afterId, Limit limit);

    Optional<TaskComment> findByIdAndTaskId(long id, long taskId);

    @Modifying
    @Query(
            nativeQuery = true,
            value = "insert into task_mentions (comment_id, agent_id) values (:comment, :agent) on conflict do nothing")
    int mention(@Param("comment") long commentId, @Param("agent") long agentId);

    /** One mention: who was mentioned in which comment. */
    interface Mention {
        long getCommentId();

        long getAgentId();
    }

    @Query(
            nativeQuery = true,
            value = "select comment_id as commentId, agent_id as agentId from task_mentions"
                    + " where comment_id in (:comments) order by comment_id, agent_id")
    List<Mention> mentionsIn(@Param("comments") Collection<Long> commentIds);
}
