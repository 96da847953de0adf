package io.safaridesk.helpdesk.realtime;

import io.safaridesk.platform.tenancy.TenantSlug;

/**
 * The destinations of the real-time endpoint and who may subscribe to each:
 *
 * <ul>
 *   <li>{@code /topic/workspaces/{slug}/tickets}: ticket events of workspace {@code slug} that the subscriber may see;
 *       its admins and agents only;
 *   <li>{@code /topic/workspaces/{slug}/tasks}: task events of the workspace; its admins and agents only;
 *   <li>{@code /user/queue/notifications}: mentions of, and assignments to, the subscribing agent;
 *   <li>{@code /user/queue/tickets}: public events of the subscribing customer's own tickets; customers only.
 * </ul>
 *
 * Every other destination is refused, among them another workspace's topics, {@code /user/<someone>/...} and the
 * broker's internal {@code /queue/...} names.
 */
final class Destinations {

    static final String NOTIFICATIONS = "/queue/notifications";
    static final String CUSTOMER_TICKETS = "/queue/tickets";

    private Destinations() {}

    static String tickets(TenantSlug workspace) {
        return "/topic/workspaces/" + workspace.value() + "/tickets";
    }

    static String tasks(TenantSlug workspace) {
        return "/topic/workspaces/" + workspace.value() + "/tasks";
    }

    /** Where {@link org.springframework.messaging.simp.SimpMessagingTemplate} delivers to one user's queue. */
    static String ofUser(RealtimeUser user, String queue) {
        // the user destination resolver decodes %2F back to the '/' of the user name
        return "/user/" + user.getName().replace("/", "%2F") + queue;
    }

    static boolean mayReceive(RealtimeUser user, String destination) {
        if (user.actor().isStaff()) {
            return destination.equals(tickets(user.workspace()))
                    || destination.equals(tasks(user.workspace()))
                    || destination.equals("/user" + NOTIFICATIONS);
        }
        return destination.equals("/user" + CUSTOMER_TICKETS);
    }
}
