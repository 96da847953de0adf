/** Agents of a workspace: their roles, departments and invitations. */
@ApplicationModule(allowedDependencies = {"department", "profile"})
package io.safaridesk.domain.agent;

import org.springframework.modulith.ApplicationModule;
