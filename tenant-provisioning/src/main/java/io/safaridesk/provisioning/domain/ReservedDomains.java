package io.safaridesk.provisioning.domain;

import java.util.List;

/**
 * Names that can never belong to a business on the public internet: the documentation domains of RFC 2606 and the
 * special-use top-level names of RFC 2606, RFC 6761, RFC 6762 ({@code local}), RFC 7686 ({@code onion}), {@code arpa}
 * (RFC 8375's {@code home.arpa}) and ICANN's private-use {@code internal}. Tests and local development use {@code
 * .test} names, which {@code safaridesk.domain-verification.allow-test-domains} lets through.
 */
final class ReservedDomains {

    private static final List<String> RESERVED = List.of(
            "example.com",
            "example.net",
            "example.org",
            "test",
            "example",
            "invalid",
            "localhost",
            "local",
            "onion",
            "internal",
            "arpa");

    private ReservedDomains() {}

    static boolean isReserved(DomainName domain) {
        return RESERVED.stream().anyMatch(domain::isWithin);
    }
}
