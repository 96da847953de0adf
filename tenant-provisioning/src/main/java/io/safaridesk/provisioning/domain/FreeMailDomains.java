package io.safaridesk.provisioning.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The free and consumer mail providers no workspace may claim, read from {@code free-mail-domains.txt} beside this
 * class. A domain matches when it is listed exactly, or when it is a country variant of a listed brand ({@code yahoo.*}
 * covers {@code yahoo.fr}, {@code yahoo.co.uk}, {@code yahoo.com.br}). Subdomains of a provider do not match: nobody
 * gets mail there, and DNS verification stops a claim on one anyway.
 */
final class FreeMailDomains {

    private static final String RESOURCE = "free-mail-domains.txt";
    private static final String BRAND_SUFFIX = ".*";
    private static final Pattern COUNTRY_CODE = Pattern.compile("[a-z]{2}");
    private static final Set<String> COUNTRY_SECOND_LEVELS = Set.of("co", "com", "net", "org", "ne", "or");

    private final Set<String> exact;
    private final Set<String> brands;

    private FreeMailDomains(Set<String> exact, Set<String> brands) {
        this.exact = Set.copyOf(exact);
        this.brands = Set.copyOf(brands);
    }

    /** The list that ships with SafariDesk. */
    static FreeMailDomains load() {
        try (InputStream in = FreeMailDomains.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return of(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** A list in the resource's format: one name or {@code brand.*} a line, {@code #} comments. */
    static FreeMailDomains of(List<String> lines) {
        Set<String> exact = new HashSet<>();
        Set<String> brands = new HashSet<>();
        for (String line : lines) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            if (entry.endsWith(BRAND_SUFFIX)) {
                brands.add(DomainName.of(entry.replace(BRAND_SUFFIX, ".com"))
                        .labels()
                        .getFirst());
            } else {
                exact.add(DomainName.of(entry).value());
            }
        }
        return new FreeMailDomains(exact, brands);
    }

    boolean isFreeMail(DomainName domain) {
        return exact.contains(domain.value()) || isCountryVariantOfBrand(domain.labels());
    }

    int size() {
        return exact.size() + brands.size();
    }

    private boolean isCountryVariantOfBrand(List<String> labels) {
        if (!brands.contains(labels.getFirst())
                || !COUNTRY_CODE.matcher(labels.getLast()).matches()) {
            return false;
        }
        return labels.size() == 2 || (labels.size() == 3 && COUNTRY_SECOND_LEVELS.contains(labels.get(1)));
    }
}
