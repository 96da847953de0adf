package io.safaridesk.domain.apitoken;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    List<ApiToken> findByIdLessThanOrderByIdDesc(long beforeId, Limit limit);
}
