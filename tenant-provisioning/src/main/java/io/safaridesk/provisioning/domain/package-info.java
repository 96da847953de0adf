/**
 * Domain ownership verification for workspace sign-up: a business claims a domain ({@link
 * io.safaridesk.provisioning.domain.DomainName}), receives a {@link io.safaridesk.provisioning.domain.VerificationToken}
 * and proves ownership by publishing it in a DNS TXT record or a well-known file; {@link
 * io.safaridesk.provisioning.domain.DomainVerifier} checks both.
 */
@NullMarked
package io.safaridesk.provisioning.domain;

import org.jspecify.annotations.NullMarked;
