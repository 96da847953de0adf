package io.safaridesk.domain.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.platform.tenancy.TenantSlug;
import org.junit.jupiter.api.Test;

class MailOriginUnitTests {

    private final MailOrigin origin = new MailOrigin("secret-one");

    @Test
    void aSignedHeaderNamesItsWorkspaceAndKind() {
        TenantSlug acme = TenantSlug.of("acme");
        assertThat(origin.verify(origin.sign(acme, true))).contains(new MailOrigin.Origin(acme, true));
        assertThat(origin.verify(origin.sign(acme, false))).contains(new MailOrigin.Origin(acme, false));
        assertThat(origin.verify("  " + origin.sign(acme, true).toUpperCase() + " "))
                .as("case and folding whitespace do not matter")
                .isPresent();
    }

    @Test
    void aForgedOrForeignSignatureIsNoneOfOurs() {
        String signed = origin.sign(TenantSlug.of("acme"), true);
        assertThat(origin.verify(signed.replace("auto=yes", "auto=no"))).isEmpty();
        assertThat(origin.verify(signed.replace("acme", "globex"))).isEmpty();
        assertThat(new MailOrigin("another-secret").verify(signed)).isEmpty();
        assertThat(origin.verify("acme; auto=yes; sig=aaaaaaaaaa")).isEmpty();
        assertThat(origin.verify("garbage")).isEmpty();
        assertThat(origin.verify(null)).isEmpty();
    }
}
