/** Notifications to staff and the preferences that govern them. */
@ApplicationModule(allowedDependencies = {})
package io.safaridesk.domain.notification;

import org.springframework.modulith.ApplicationModule;
