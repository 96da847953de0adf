/** Macros: canned replies with field changes, applied to a ticket in one step. */
@ApplicationModule(allowedDependencies = {"agent", "contact", "department", "settings", "ticket"})
package io.safaridesk.domain.macro;

import org.springframework.modulith.ApplicationModule;
