package io.safaridesk.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantSlugUnitTests {

    @ParameterizedTest
    @ValueSource(strings = {"acme", "acme-corp", "a1b", "kilimanjaro-tours-2024", "abcdefghijklmnopqrstuvwxyz012345"})
    void acceptsLowercaseNamesAndMapsThemToSchemaAndRealm(String value) {
        TenantSlug slug = TenantSlug.of(value);

        assertThat(slug.realmName()).isEqualTo(value);
        assertThat(slug.schemaName()).isEqualTo("t_" + value.replace('-', '_')).matches("t_[a-z0-9_]+");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Acme",
                "acme;drop schema x",
                "../x",
                "ab",
                "1acme",
                "acme-",
                "-acme",
                "ac me",
                "acme--corp",
                "acme_corp",
                "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz01",
                ""
            })
    void refusesAnythingThatIsNotASafeName(String value) {
        assertThatThrownBy(() -> TenantSlug.of(value)).isInstanceOf(TenantSlug.InvalidTenantSlug.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"platform", "public", "master", "admin", "api", "www", "keycloak", "safaridesk"})
    void refusesReservedWords(String value) {
        assertThatThrownBy(() -> TenantSlug.of(value))
                .isInstanceOfSatisfying(
                        TenantSlug.InvalidTenantSlug.class,
                        e -> assertThat(e.reason()).isEqualTo("is a reserved word"));
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> TenantSlug.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
