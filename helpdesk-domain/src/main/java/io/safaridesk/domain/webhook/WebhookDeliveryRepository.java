package io.safaridesk.domain.webhook;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, Long> {

    List<WebhookDelivery> findBySubscriptionIdAndIdLessThanOrderByIdDesc(long subscriptionId, long before, Limit limit);

    Optional<WebhookDelivery> findByIdAndSubscriptionId(long id, long subscriptionId);
}
