/** Signed webhooks: subscriptions, deliveries with retries, and their log. */
@ApplicationModule(allowedDependencies = {"mail"})
package io.safaridesk.domain.webhook;

import org.springframework.modulith.ApplicationModule;
