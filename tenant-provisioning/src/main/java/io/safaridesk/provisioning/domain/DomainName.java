package io.safaridesk.provisioning.domain;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A registrable-looking DNS name a business claims, such as {@code acme.com} or {@code support.acme.co.uk}, in its
 * canonical ASCII form: trimmed, lower-cased, without a trailing dot, internationalised labels converted to punycode
 * ({@code bücher.de} becomes {@code xn--bcher-kva.de}, by {@link IDN} and so by IDNA 2003 rules).
 *
 * <p>Construction validates: at least two labels, each 1-63 characters of {@code [a-z0-9-]} neither starting nor ending
 * with a hyphen, at most 253 characters in all, a non-numeric top-level label; IP addresses, URLs, email addresses and
 * {@code localhost} are refused with an {@link InvalidDomain} saying why. Whether a valid name may be <em>claimed</em>
 * (free mail, reserved names) is {@link DomainVerifier#requireEligible(DomainName)}'s business.
 *
 * @param value the canonical ASCII form
 */
public record DomainName(String value) {

    private static final int MAX_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9-]+");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}\\.?");
    private static final Pattern WHITESPACE = Pattern.compile(".*\\s.*");

    /** Validates and normalises, as {@link #of(String)}. */
    public DomainName {
        value = canonical(value);
    }

    /**
     * Parses what a person typed.
     *
     * @throws InvalidDomain when it is not a domain name, with a reason fit to show that person
     */
    public static DomainName of(@Nullable String input) {
        return new DomainName(input);
    }

    /** The name for display, internationalised labels in Unicode ({@code bücher.de}). */
    public String toUnicode() {
        return IDN.toUnicode(value, IDN.ALLOW_UNASSIGNED);
    }

    /** Whether this is {@code suffix} itself or a name below it ({@code a.b.test} is within {@code test}). */
    boolean isWithin(String suffix) {
        return value.equals(suffix) || value.endsWith("." + suffix);
    }

    List<String> labels() {
        return List.of(value.split("\\."));
    }

    @Override
    public String toString() {
        return value;
    }

    private static String canonical(@Nullable String input) {
        if (input == null) {
            throw InvalidDomain.because(null, "a domain name is required");
        }
        String name = input.strip();
        if (name.isEmpty()) {
            throw InvalidDomain.because(input, "a domain name is required");
        }
        if (name.contains("://") || name.contains("/")) {
            throw InvalidDomain.because(input, "must be a domain name like acme.com, not a URL");
        }
        if (name.contains("@")) {
            throw InvalidDomain.because(input, "must be a domain name like acme.com, not an email address");
        }
        if (WHITESPACE.matcher(name).matches()) {
            throw InvalidDomain.because(input, "must not contain spaces");
        }
        if (name.contains(":") || name.startsWith("[") || IPV4.matcher(name).matches()) {
            throw InvalidDomain.because(input, "must be a domain name, not an IP address");
        }
        if (!name.chars().allMatch(c -> c < 0x80)) {
            try {
                name = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES);
            } catch (IllegalArgumentException e) {
                throw InvalidDomain.because(input, "is not a valid internationalised domain name");
            }
        }
        name = name.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.equals("localhost")) {
            throw InvalidDomain.because(input, "localhost is not a public domain");
        }
        if (name.length() > MAX_LENGTH) {
            throw InvalidDomain.because(input, "must be at most " + MAX_LENGTH + " characters long");
        }
        String[] labels = name.split("\\.", -1);
        if (labels.length < 2) {
            throw InvalidDomain.because(input, "must have at least two labels, like acme.com");
        }
        for (String label : labels) {
            checkLabel(input, label);
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw InvalidDomain.because(input, "must not end in a numeric label");
        }
        return name;
    }

    private static void checkLabel(String input, String label) {
        if (label.isEmpty()) {
            throw InvalidDomain.because(input, "must not contain empty labels (two dots in a row or a leading dot)");
        }
        if (label.length() > MAX_LABEL_LENGTH) {
            throw InvalidDomain.because(
                    input, "each part between dots must be at most " + MAX_LABEL_LENGTH + " characters long");
        }
        if (!LABEL.matcher(label).matches()) {
            throw InvalidDomain.because(input, "may contain only letters, digits, hyphens and dots");
        }
        if (label.startsWith("-") || label.endsWith("-")) {
            throw InvalidDomain.because(input, "no part between dots may start or end with a hyphen");
        }
        if (label.startsWith("xn--")
                && IDN.toUnicode(label, IDN.ALLOW_UNASSIGNED).equals(label)) {
            throw InvalidDomain.because(input, "contains an invalid internationalised (xn--) label");
        }
    }
}
