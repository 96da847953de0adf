package io.safaridesk.domain.inbound;

import org.springframework.data.jpa.repository.JpaRepository;

interface InboundPolicyRepository extends JpaRepository<InboundPolicy, Short> {}
