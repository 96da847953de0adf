package io.safaridesk.worker.messaging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's record of handled messages, keyed by (consumer, message id) and written in the handler's own
 * transaction: the handler's work and the record commit together, so a redelivered or re-published message finds its
 * row and is skipped. Two concurrent deliveries of one message serialise on the key; the second sees the first's row.
 */
@Component
public class ProcessedMessages {

    @PersistenceContext
    private EntityManager entityManager;

    /** Records the message; answers false when {@code consumer} has already handled it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, UUID messageId) {
        return entityManager
                        .createNativeQuery(
                                "insert into processed_messages (consumer, message_id) values (:consumer, :id)"
                                        + " on conflict do nothing")
                        .setParameter("consumer", consumer)
                        .setParameter("id", messageId)
                        .executeUpdate()
                == 1;
    }
}
