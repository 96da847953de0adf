package io.safaridesk.worker.notification;

import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.worker.mail.MailProperties;
import org.springframework.stereotype.Component;

/** Where a ticket is seen in the web app: the agent app for staff, the workspace's portal for its requester. */
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
}
