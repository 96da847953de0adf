package io.safaridesk.domain.sla;

import org.springframework.data.jpa.repository.JpaRepository;

interface SlaConfigurationRepository extends JpaRepository<SlaConfiguration, Short> {}
