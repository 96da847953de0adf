package io.safaridesk.domain.agent;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AgentRepository extends JpaRepository<Agent, Long>, JpaSpecificationExecutor<Agent> {

    Optional<Agent> findByKeycloakUserId(String keycloakUserId);

    boolean existsByEmailIgnoreCaseAndDeletedAtIsNull(String email);

    List<Agent> findByDeletedAtIsNull();

    @Query("select a from Agent a where lower(a.email) in :emails and a.active = true and a.deletedAt is null")
    List<Agent> findActiveByEmails(@Param("emails") Collection<String> emails);
}
