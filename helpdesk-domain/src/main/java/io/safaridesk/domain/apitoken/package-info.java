/** API tokens for integrations: scoped, stored only as hashes, limited per token. */
@ApplicationModule(allowedDependencies = {})
package io.safaridesk.domain.apitoken;

import org.springframework.modulith.ApplicationModule;
