package io.safaridesk.domain.macro;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MacroRepository extends JpaRepository<Macro, Long> {

    /** Counts one use in one statement, so that agents applying the same macro at once lose no count. */
    @Modifying
    @Query(
            value = "update macros set usage_count = usage_count + 1, last_used_at = :at where id = :id",
            nativeQuery = true)
    int used(@Param("id") long id, @Param("at") Instant at);
}
