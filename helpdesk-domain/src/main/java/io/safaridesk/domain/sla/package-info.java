/** SLA policies, business calendars and holidays, per-ticket targets, breaches and escalation. */
@ApplicationModule(allowedDependencies = {"agent", "contact", "department", "settings", "ticket"})
package io.safaridesk.domain.sla;

import org.springframework.modulith.ApplicationModule;
