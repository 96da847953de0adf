/** Departments, the teams that tickets and tasks are routed to. */
@ApplicationModule(allowedDependencies = {})
package io.safaridesk.domain.department;

import org.springframework.modulith.ApplicationModule;
