package io.safaridesk.domain.kb;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface KbRevisionRepository extends JpaRepository<KbRevision, Long> {

    /** Newest first, below {@code beforeRevision}. */
    List<KbRevision> findByArticleIdAndRevisionLessThanOrderByRevisionDesc(
            long articleId, int beforeRevision, Limit limit);

    Optional<KbRevision> findByArticleIdAndRevision(long articleId, int revision);
}
