package io.safaridesk.provisioning.domain;

import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a business owns the domain it signs up with. It first looks for the {@link VerificationToken} in a
 * TXT record at {@code _safaridesk-challenge.<domain>}, then in {@code
 * https://<domain>/.well-known/safaridesk-verification.txt}; either one proves ownership. Free-mail providers and names
 * reserved for testing are never verified (test names only with {@code
 * safaridesk.domain-verification.allow-test-domains}).
 *
 * <p>A check makes network calls and takes up to the DNS timeout plus a few HTTP timeouts; call it from a request or a
 * job, not while holding a database transaction open.
 */
public final class DomainVerifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DomainVerifier.class);

    private final FreeMailDomains freeMail;
    private final boolean allowTestDomains;
    private final DnsTxtCheck dns;
    private final WellKnownFileCheck wellKnownFile;

    DomainVerifier(
            FreeMailDomains freeMail, boolean allowTestDomains, DnsTxtCheck dns, WellKnownFileCheck wellKnownFile) {
        this.freeMail = freeMail;
        this.allowTestDomains = allowTestDomains;
        this.dns = dns;
        this.wellKnownFile = wellKnownFile;
    }

    /** A verifier with these settings, the shipped free-mail list and the JVM's default TLS set-up. */
    static DomainVerifier create(DomainVerificationProperties properties) {
        SSLContext tls;
        try {
            tls = SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no default TLS set-up", e);
        }
        return create(properties, tls);
    }

    static DomainVerifier create(DomainVerificationProperties properties, SSLContext tls) {
        return new DomainVerifier(
                FreeMailDomains.load(),
                properties.allowTestDomains(),
                new DnsTxtCheck(properties.dnsResolverAddress(), properties.dnsTimeout()),
                new WellKnownFileCheck(properties, tls));
    }

    /**
     * Refuses a domain no business can own: a free-mail provider's, or one reserved for documentation and testing.
     * Call it when a domain is entered, before handing out a token.
     *
     * @throws InvalidDomain saying why the domain cannot be claimed
     */
    public void requireEligible(DomainName domain) {
        if (freeMail.isFreeMail(domain)) {
            throw InvalidDomain.freeMail(domain);
        }
        if (!allowTestDomains && ReservedDomains.isReserved(domain)) {
            throw InvalidDomain.reserved(domain);
        }
    }

    /**
     * Checks whether {@code domain} publishes {@code expected}, by DNS first and then by the well-known file. Nothing
     * is cached: a record published after a failed check counts at the next one.
     *
     * @return verified with the method that proved it, or not verified with what each method found
     */
    public DomainVerification verify(DomainName domain, VerificationToken expected) {
        try {
            requireEligible(domain);
        } catch (InvalidDomain e) {
            return logged(DomainVerification.notVerified(domain, e.reason()));
        }
        CheckOutcome byDns = dns.check(domain, expected);
        if (byDns.passed()) {
            return logged(DomainVerification.verifiedBy(domain, VerificationMethod.DNS_TXT));
        }
        CheckOutcome byFile = wellKnownFile.check(domain, expected);
        if (byFile.passed()) {
            return logged(DomainVerification.verifiedBy(domain, VerificationMethod.WELL_KNOWN_FILE));
        }
        return logged(DomainVerification.notVerified(
                domain, "DNS: " + byDns.detail() + ". Well-known file: " + byFile.detail() + "."));
    }

    private static DomainVerification logged(DomainVerification verification) {
        if (verification.verified()) {
            log.info("Domain {} verified by {}", verification.domain(), verification.method());
        } else {
            log.info("Domain {} not verified: {}", verification.domain(), verification.reason());
        }
        return verification;
    }

    /** Releases the HTTP client. */
    @Override
    public void close() {
        wellKnownFile.close();
    }
}
