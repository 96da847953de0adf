package io.safaridesk.worker.testing;

import io.safaridesk.platform.tenancy.TenantSlug;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registers a test workspace as active in {@code platform.tenants}, as provisioning would (no realm needed). */
public final class TenantRegistry {

    private TenantRegistry() {}

    public static void active(JdbcClient jdbc, TenantSlug slug) {
        jdbc.sql("delete from platform.tenants where slug = ?")
                .param(slug.value())
                .update();
        jdbc.sql("insert into platform.tenants (id, slug, business_name, domain, status, admin_email, admin_name,"
                        + " domain_token, keycloak_url, issuer) values (gen_random_uuid(), ?, ?, ?, 'ACTIVE', ?, 'Test',"
                        + " 'token', 'http://127.0.0.1:1', ?)")
                .params(
                        slug.value(),
                        slug.value(),
                        slug.value() + ".test",
                        "admin@" + slug.value() + ".test",
                        "http://127.0.0.1:1/realms/" + slug.value())
                .update();
    }
}
