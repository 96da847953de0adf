package io.safaridesk.domain.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.platform.tenancy.TenantSlug;
import org.junit.jupiter.api.Test;

class ReplyAddressUnitTests {

    private final ReplyAddress addresses = new ReplyAddress("secret");
    private final TenantSlug acme = TenantSlug.of("acme-east");

    @Test
    void carriesWorkspaceAndTicketInThePlusAddress() {
        String address = addresses.forTicket("support@help.example", acme, 42);

        assertThat(address).matches("support\\+acme-east-t42-[a-z2-7]{10}@help\\.example");
        assertThat(addresses.parse(address)).contains(new ReplyAddress.Target(acme, 42));
        assertThat(addresses.parse(address.toUpperCase())).contains(new ReplyAddress.Target(acme, 42));
        assertThat(addresses.forTicket("support+old@help.example", acme, 42)).isEqualTo(address);
    }

    @Test
    void refusesForgedAndForeignTokens() {
        String address = addresses.forTicket("support@help.example", acme, 42);

        assertThat(addresses.parse(address.replace("-t42-", "-t43-"))).isEmpty();
        assertThat(new ReplyAddress("other secret").parse(address)).isEmpty();
        assertThat(addresses.parse("support@help.example")).isEmpty();
        assertThat(addresses.parse("support+nonsense@help.example")).isEmpty();
        assertThat(addresses.parse("support+BAD_SLUG-t1-abcdefghij@help.example"))
                .isEmpty();
    }
}
