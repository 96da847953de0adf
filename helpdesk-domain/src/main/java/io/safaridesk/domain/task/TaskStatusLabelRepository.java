package io.safaridesk.domain.task;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TaskStatusLabelRepository extends JpaRepository<TaskStatusLabel, TaskStatus> {

    List<TaskStatusLabel> findAllByOrderByPositionAsc();
}
