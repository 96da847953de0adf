package io.safaridesk.helpdesk.realtime;

import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.security.Principal;
import java.time.Instant;

/**
 * The user of a WebSocket session, as its CONNECT token proved it. Its name, {@code <workspace>/<user id>}, keys the
 * user destinations ({@code /user/queue/...}), so that users of two workspaces can never share one.
 */
record RealtimeUser(TenantSlug workspace, Actor actor, Instant expiresAt) implements Principal {

    @Override
    public String getName() {
        return workspace.value() + "/" + actor.userId();
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
