/** A user's own profile and availability. */
@ApplicationModule(allowedDependencies = {})
package io.safaridesk.domain.profile;

import org.springframework.modulith.ApplicationModule;
