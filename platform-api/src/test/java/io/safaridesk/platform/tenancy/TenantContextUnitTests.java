package io.safaridesk.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TenantContextUnitTests {

    private final TenantSlug acme = TenantSlug.of("acme");
    private final TenantSlug globex = TenantSlug.of("globex");

    @Test
    void hasNoTenantOutsideOfCallAsAndSaysSo() {
        assertThat(TenantContext.find()).isEmpty();
        assertThatThrownBy(TenantContext::current).isInstanceOf(TenantContext.NoTenantInContext.class);
    }

    @Test
    void restoresTheOuterTenantAfterANestedCall() {
        TenantContext.runAs(acme, () -> {
            assertThat(TenantContext.callAs(globex, TenantContext::current)).isEqualTo(globex);
            assertThat(TenantContext.current()).isEqualTo(acme);
        });
        assertThat(TenantContext.find()).isEmpty();
    }

    @Test
    void clearsTheTenantWhenTheWorkFails() {
        assertThatThrownBy(() -> TenantContext.runAs(acme, () -> {
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(TenantContext.find()).isEmpty();
    }

    @Test
    void resolvesHibernatesTenantToTheSchemaAndWithoutOneToASchemaNoConnectionIsGivenFor() throws Exception {
        CurrentTenantSchemaResolver resolver = new CurrentTenantSchemaResolver();

        assertThat(TenantContext.callAs(TenantSlug.of("acme-corp"), resolver::resolveCurrentTenantIdentifier))
                .isEqualTo("t_acme_corp");
        String withoutTenant = resolver.resolveCurrentTenantIdentifier();
        TenantSchemaConnectionProvider provider = new TenantSchemaConnectionProvider(null);
        assertThatThrownBy(() -> provider.getConnection(withoutTenant))
                .isInstanceOf(TenantContext.NoTenantInContext.class);
    }
}
