/** Files attached to tickets and tasks: upload checks, storage and downloads. */
@ApplicationModule(allowedDependencies = {})
package io.safaridesk.domain.attachment;

import org.springframework.modulith.ApplicationModule;
