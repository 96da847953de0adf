/** Tasks: internal work items, alone or linked to tickets. */
@ApplicationModule(allowedDependencies = {"agent", "attachment", "department", "history", "ticket"})
package io.safaridesk.domain.task;

import org.springframework.modulith.ApplicationModule;
