/** Customer satisfaction surveys: sent on solve, answered through signed links. */
@ApplicationModule(allowedDependencies = {"ticket"})
package io.safaridesk.domain.satisfaction;

import org.springframework.modulith.ApplicationModule;
