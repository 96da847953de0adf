package io.safaridesk.domain.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.platform.tenancy.TenantSlug;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExportLinksUnitTests {

    private final ExportLinks links = new ExportLinks("secret");
    private final TenantSlug acme = TenantSlug.of("acme");
    private final Instant now = Instant.parse("2026-11-27T12:00:00Z");
    private final long expires = now.plusSeconds(3600).getEpochSecond();

    @Test
    void aLinkVerifiesForItsWorkspaceExportAndExpiryOnly() {
        String signature = links.signature(acme, 7, expires);

        assertThat(links.path(acme, 7, now.plusSeconds(3600)))
                .isEqualTo("/api/v1/tickets/exports/7/file?expires=" + expires + "&signature=" + signature);
        assertThat(links.verify(acme, 7, expires, signature, now)).isEqualTo(ExportLinks.Verdict.VALID);
        assertThat(links.verify(TenantSlug.of("globex"), 7, expires, signature, now))
                .isEqualTo(ExportLinks.Verdict.TAMPERED);
        assertThat(links.verify(acme, 8, expires, signature, now)).isEqualTo(ExportLinks.Verdict.TAMPERED);
        assertThat(links.verify(acme, 7, expires + 1, signature, now)).isEqualTo(ExportLinks.Verdict.TAMPERED);
        assertThat(links.verify(acme, 7, expires, null, now)).isEqualTo(ExportLinks.Verdict.TAMPERED);
        assertThat(new ExportLinks("another secret").verify(acme, 7, expires, signature, now))
                .isEqualTo(ExportLinks.Verdict.TAMPERED);
    }

    @Test
    void aLinkPastItsExpiryIsExpired() {
        String signature = links.signature(acme, 7, expires);

        assertThat(links.verify(acme, 7, expires, signature, Instant.ofEpochSecond(expires)))
                .isEqualTo(ExportLinks.Verdict.EXPIRED);
    }
}
