package io.safaridesk.domain.kb;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface KbArticleRepository extends JpaRepository<KbArticle, Long> {

    Optional<KbArticle> findBySlug(String slug);

    boolean existsBySlug(String slug);
}
