package io.safaridesk.worker.webhook;

import io.safaridesk.domain.webhook.WebhookSubscription;
import io.safaridesk.platform.template.MailTemplate;
import io.safaridesk.platform.template.Placeholder;
import io.safaridesk.worker.mail.OutboundMail;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Tells the workspace's active admins, by mail, that a webhook was disabled after a delivery failed for good. */
@Component
class WebhookAdminMail {

    @PersistenceContext
    private EntityManager entityManager;

    private final OutboundMail mail;

    WebhookAdminMail(OutboundMail mail) {
        this.mail = mail;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void disabled(WebhookSubscription subscription) {
        @SuppressWarnings("unchecked")
        List<Object[]> admins = entityManager
                .createNativeQuery("select a.email, a.name, p.language from agents a left join profiles p"
                        + " on p.user_id = a.keycloak_user_id where a.role = 'admin' and a.active"
                        + " and a.deleted_at is null order by a.id")
                .getResultList();
        for (Object[] admin : admins) {
            mail.queue(new OutboundMail.Mail(
                    MailTemplate.WEBHOOK_DISABLED,
                    (String) admin[0],
                    null,
                    false,
                    true,
                    null,
                    Map.of(
                            Placeholder.RECIPIENT_NAME, (String) admin[1],
                            Placeholder.WEBHOOK_URL, subscription.url(),
                            Placeholder.WEBHOOK_REASON, String.valueOf(subscription.disabledReason())),
                    (String) admin[2],
                    null));
        }
    }
}
