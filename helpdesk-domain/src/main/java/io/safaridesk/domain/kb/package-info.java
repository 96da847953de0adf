/** The knowledge base: categories, articles, their search and the portal's reading of them. */
@ApplicationModule(allowedDependencies = {"settings", "ticket"})
package io.safaridesk.domain.kb;

import org.springframework.modulith.ApplicationModule;
