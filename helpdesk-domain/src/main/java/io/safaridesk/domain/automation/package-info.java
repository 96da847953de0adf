/** Automation: event triggers and time rules over tickets, acting through the ticket and macro operations. */
@ApplicationModule(allowedDependencies = {"agent", "contact", "department", "macro", "sla", "ticket", "webhook"})
package io.safaridesk.domain.automation;

import org.springframework.modulith.ApplicationModule;
