package io.safaridesk.domain.task;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TaskAttachmentRepository extends JpaRepository<TaskAttachment, Long> {

    List<TaskAttachment> findByTaskIdOrderByIdAsc(long taskId);

    Optional<TaskAttachment> findByIdAndTaskId(long id, long taskId);
}
