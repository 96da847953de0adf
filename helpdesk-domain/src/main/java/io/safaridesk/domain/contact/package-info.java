/** Contacts, the customers who ask for help: who they are and the language they read. */
@ApplicationModule(allowedDependencies = {})
package io.safaridesk.domain.contact;

import org.springframework.modulith.ApplicationModule;
