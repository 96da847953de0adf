package io.safaridesk.worker.notification;

import io.safaridesk.domain.satisfaction.Rating;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.worker.mail.MailProperties;
import org.springframework.stereotype.Component;

/**
 * Where a ticket is seen in the web app: the agent app for staff, the workspace's portal for its requester and its
 * survey page.
 */
@Component
class TicketLinks {

    private final String appUrl;

    TicketLinks(MailProperties properties) {
        this.appUrl = properties.appUrl().replaceAll("/+$", "");
    }

    String staffTicket(long ticketId) {
        return appUrl + "/tickets/" + ticketId;
    }

    String portalTicket(long ticketId) {
        return appUrl + "/portal/" + TenantContext.current().value() + "/tickets/" + ticketId;
    }

    /** The portal's survey page, which records {@code rating} on opening and offers a comment box. */
    String survey(String token, Rating rating) {
        return appUrl + "/portal/" + TenantContext.current().value() + "/satisfaction/" + token + "?rating="
                + rating.value();
    }
}
