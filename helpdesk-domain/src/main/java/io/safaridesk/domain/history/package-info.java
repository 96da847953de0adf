/** The change journal that tickets and tasks share. */
@ApplicationModule(allowedDependencies = {})
package io.safaridesk.domain.history;

import org.springframework.modulith.ApplicationModule;
