/** Inbound mail: mailboxes, intake and classification, threading replies into tickets, the review queue. */
@ApplicationModule(allowedDependencies = {"attachment", "contact", "mail", "notification", "ticket"})
package io.safaridesk.domain.inbound;

import org.springframework.modulith.ApplicationModule;
