/** Workspace settings: name, time zone, language, branding and ticket visibility. */
@ApplicationModule(allowedDependencies = {})
package io.safaridesk.domain.settings;

import org.springframework.modulith.ApplicationModule;
