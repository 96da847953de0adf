/** Tickets: their lifecycle and statuses, conversation, routing, search, counts and merges. */
@ApplicationModule(allowedDependencies = {"agent", "attachment", "contact", "department", "history", "settings"})
package io.safaridesk.domain.ticket;

import org.springframework.modulith.ApplicationModule;
