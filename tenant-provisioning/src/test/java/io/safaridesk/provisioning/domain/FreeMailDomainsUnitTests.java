package io.safaridesk.provisioning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FreeMailDomainsUnitTests {

    private final FreeMailDomains freeMail = FreeMailDomains.load();

    @Test
    void shipsAListOfAtLeastFortyProviders() {
        assertThat(freeMail.size()).isGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "gmail.com",
                "GoogleMail.com",
                "outlook.com",
                "hotmail.com",
                "yahoo.com",
                "icloud.com",
                "proton.me",
                "gmx.de",
                "web.de",
                "yandex.ru",
                "qq.com",
                "163.com",
                "mail.ru"
            })
    void knowsTheBigProviders(String domain) {
        assertThat(freeMail.isFreeMail(DomainName.of(domain))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"yahoo.co.uk", "yahoo.fr", "yahoo.com.br", "yahoo.co.jp", "hotmail.fr", "live.nl", "gmx.at"})
    void knowsCountryVariantsOfBrandsThatHaveThem(String domain) {
        assertThat(freeMail.isFreeMail(DomainName.of(domain))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "acme.com",
                "mail.gmail.com",
                "gmail.co.uk",
                "gmailx.com",
                "yahoo.acme.com",
                "yahoo.co.uk.acme.com",
                "yahoo.company",
                "yahoo.com.example"
            })
    void leavesOtherDomainsAndSubdomainsOfProvidersAlone(String domain) {
        assertThat(freeMail.isFreeMail(DomainName.of(domain))).isFalse();
    }

    @Test
    void readsItsFormatIgnoringCommentsAndBlankLines() {
        FreeMailDomains list = FreeMailDomains.of(List.of("# a comment", "", "  Mail.Example  ", "brand.*"));

        assertThat(list.size()).isEqualTo(2);
        assertThat(list.isFreeMail(DomainName.of("mail.example"))).isTrue();
        assertThat(list.isFreeMail(DomainName.of("brand.co.nz"))).isTrue();
        assertThat(list.isFreeMail(DomainName.of("brand.com"))).isFalse();
    }
}
