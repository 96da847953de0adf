package io.safaridesk.domain.task;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface TaskActivityRepository extends JpaRepository<TaskActivity, Long> {

    List<TaskActivity> findByTaskIdAndIdGreaterThanOrderByIdAsc(long taskId, long afterId, Limit limit);
}
