package io.safaridesk.platform.agent;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface AgentRepository extends JpaRepository<Agent, Long>, JpaSpecificationExecutor<Agent> {

    Optional<Agent> findByKeycloakUserId(String keycloakUserId);

    boolean existsByEmailIgnoreCaseAndDeletedAtIsNull(String email);

    List<Agent> findByDeletedAtIsNull();
}
