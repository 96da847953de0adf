package io.safaridesk.provisioning.domain;

import org.jspecify.annotations.Nullable;

/**
 * A domain a business cannot claim: malformed, a free-mail provider, or a name reserved for testing. {@link #reason()}
 * is a short sentence fit for an RFC 9457 field error on the {@code domain} field.
 */
public final class InvalidDomain extends IllegalArgumentException {

    private final @Nullable String input;
    private final String reason;

    private InvalidDomain(@Nullable String input, String reason) {
        super("Invalid domain " + (input == null ? "(none)" : "'" + input + "'") + ": " + reason);
        this.input = input;
        this.reason = reason;
    }

    static InvalidDomain because(@Nullable String input, String reason) {
        return new InvalidDomain(input, reason);
    }

    static InvalidDomain freeMail(DomainName domain) {
        return new InvalidDomain(
                domain.value(), domain.value() + " is a free mail provider: use your organisation's own domain");
    }

    static InvalidDomain reserved(DomainName domain) {
        return new InvalidDomain(
                domain.value(), domain.value() + " is reserved for documentation and testing, not a real domain");
    }

    /** What was given, as given; {@code null} when nothing was. */
    public @Nullable String input() {
        return input;
    }

    /** Why it cannot be claimed, e.g. {@code "must have at least two labels, like acme.com"}. */
    public String reason() {
        return reason;
    }
}
