package io.safaridesk.provisioning.domain;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one ownership check of a domain.
 *
 * @param domain the domain checked
 * @param verified whether the business proved ownership
 * @param method how it did, when it did
 * @param reason why not, when it did not: what each method found, in words fit to show the person signing up
 */
public record DomainVerification(
        DomainName domain,
        boolean verified,
        @Nullable VerificationMethod method,
        @Nullable String reason) {

    public DomainVerification {
        if (verified != (method != null) || verified == (reason != null)) {
            throw new IllegalArgumentException(
                    "A verified domain has a method and no reason; one not verified has a reason and no method");
        }
    }

    static DomainVerification verifiedBy(DomainName domain, VerificationMethod method) {
        return new DomainVerification(domain, true, method, null);
    }

    static DomainVerification notVerified(DomainName domain, String reason) {
        return new DomainVerification(domain, false, null, reason);
    }
}
