package io.safaridesk.provisioning.signup.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.safaridesk.platform.tenancy.TenantStatus;
import io.safaridesk.provisioning.tenant.Tenant;
import java.time.Instant;

/** A sign-up as its business sees it, with what to publish to prove the domain. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SignUpView(
        String slug,
        String businessName,
        String status,
        String statusDetail,
        boolean emailVerified,
        DomainView domain,
        String issuer,
        String statusToken) {

    /** What a business reads when its workspace could not be set up; the technical reason is for the operators. */
    static final String FAILED_DETAIL = "Setting up your workspace did not finish. Our operators have been told and"
            + " will finish it or contact you; there is nothing you need to do.";

    static final String CHALLENGE_PREFIX = "_safaridesk-challenge.";
    static final String WELL_KNOWN_PATH = "/.well-known/safaridesk-verification.txt";

    record DomainView(
            String name,
            boolean verified,
            String verifiedBy,
            Instant lastCheckedAt,
            String lastCheckResult,
            DnsRecord dnsRecord,
            WellKnownFile wellKnownFile) {}

    record DnsRecord(String name, String type, String value) {}

    record WellKnownFile(String url, String content) {}

    static SignUpView of(Tenant tenant) {
        return new SignUpView(
                tenant.slug().value(),
                tenant.businessName(),
                tenant.status().name(),
                tenant.status() == TenantStatus.FAILED ? FAILED_DETAIL : null,
                tenant.emailVerifiedAt() != null,
                new DomainView(
                        tenant.domain(),
                        tenant.domainVerifiedAt() != null,
                        tenant.domainVerificationMethod(),
                        tenant.domainCheckedAt(),
                        tenant.domainCheckResult(),
                        new DnsRecord(CHALLENGE_PREFIX + tenant.domain(), "TXT", tenant.domainToken()),
                        new WellKnownFile("https://" + tenant.domain() + WELL_KNOWN_PATH, tenant.domainToken())),
                tenant.issuer(),
                null);
    }

    /** The view that registration answers: the only one carrying the token that reads the status later. */
    SignUpView withStatusToken(String token) {
        return new SignUpView(slug, businessName, status, statusDetail, emailVerified, domain, issuer, token);
    }
}
