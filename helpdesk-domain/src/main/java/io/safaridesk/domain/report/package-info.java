/** Reports and the dashboard: counts, times and SLA compliance per period, agent and department. */
@ApplicationModule(allowedDependencies = {"sla", "ticket"})
package io.safaridesk.domain.report;

import org.springframework.modulith.ApplicationModule;
