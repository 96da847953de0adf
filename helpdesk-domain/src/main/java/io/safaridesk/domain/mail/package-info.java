/** Outbound mail: a workspace's SMTP, its own mail texts, reply addresses, signatures and the mail queue. */
@ApplicationModule(allowedDependencies = {"agent", "export", "satisfaction", "settings"})
package io.safaridesk.domain.mail;

import org.springframework.modulith.ApplicationModule;
