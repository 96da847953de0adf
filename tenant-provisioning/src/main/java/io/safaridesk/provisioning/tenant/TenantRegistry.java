package io.safaridesk.provisioning.tenant;

import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.platform.tenancy.TenantStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The write side of the tenant registry ({@code platform.tenants}), with optimistic locking. */
@Repository
public class TenantRegistry {

    private static final String COLUMNS = "id, slug, business_name, domain, status, admin_email, admin_name,"
            + " admin_password_credential, email_verified_at, domain_token, domain_verified_at,"
            + " domain_verification_method, domain_checked_at, domain_check_result, keycloak_url, issuer, cell, moving_to,"
            + " created_at, version";

    private final JdbcClient jdbc;

    TenantRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Tenant tenant) {
        jdbc.sql(
                        "insert into platform.tenants (" + COLUMNS + ") values (:id, :slug, :businessName, :domain,"
                                + " :status, :adminEmail, :adminName, :credential, :emailVerifiedAt, :domainToken,"
                                + " :domainVerifiedAt, :method, :checkedAt, :checkResult, :keycloakUrl, :issuer, :cell, :movingTo, :createdAt, 0)")
                .param("id", tenant.id())
                .param("slug", tenant.slug().value())
                .param("businessName", tenant.businessName())
                .param("domain", tenant.domain())
                .param("status", tenant.status().name())
                .param("adminEmail", tenant.adminEmail())
                .param("adminName", tenant.adminName())
                .param("credential", tenant.adminPasswordCredential())
                .param("emailVerifiedAt", timestamp(tenant.emailVerifiedAt()))
                .param("domainToken", tenant.domainToken())
                .param("domainVerifiedAt", timestamp(tenant.domainVerifiedAt()))
                .param("method", tenant.domainVerificationMethod())
                .param("checkedAt", timestamp(tenant.domainCheckedAt()))
                .param("checkResult", tenant.domainCheckResult())
                .param("keycloakUrl", tenant.keycloakUrl())
                .param("issuer", tenant.issuer())
                .param("cell", tenant.cell())
                .param("movingTo", tenant.movingTo())
                .param("createdAt", timestamp(tenant.createdAt()))
                .update();
    }

    /** Saves the tenant's changes; fails if someone else saved it since it was loaded. */
    public void save(Tenant tenant) {
        int updated = jdbc.sql("update platform.tenants set status = :status, admin_password_credential = :credential,"
                        + " email_verified_at = :emailVerifiedAt, domain_verified_at = :domainVerifiedAt,"
                        + " domain_verification_method = :method, domain_checked_at = :checkedAt,"
                        + " domain_check_result = :checkResult, issuer = :issuer, keycloak_url = :keycloakUrl, cell = :cell,"
                        + " moving_to = :movingTo, updated_at = now(),"
                        + " version = version + 1 where id = :id and version = :version")
                .param("status", tenant.status().name())
                .param("credential", tenant.adminPasswordCredential())
                .param("emailVerifiedAt", timestamp(tenant.emailVerifiedAt()))
                .param("domainVerifiedAt", timestamp(tenant.domainVerifiedAt()))
                .param("method", tenant.domainVerificationMethod())
                .param("checkedAt", timestamp(tenant.domainCheckedAt()))
                .param("checkResult", tenant.domainCheckResult())
                .param("issuer", tenant.issuer())
                .param("keycloakUrl", tenant.keycloakUrl())
                .param("cell", tenant.cell())
                .param("movingTo", tenant.movingTo())
                .param("id", tenant.id())
                .param("version", tenant.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("Workspace " + tenant.slug() + " was changed concurrently");
        }
        tenant.versionSaved(tenant.version() + 1);
    }

    /** The live (not deprovisioned) workspace with this slug. */
    public Optional<Tenant> findLive(TenantSlug slug) {
        return jdbc.sql("select " + COLUMNS + " from platform.tenants where slug = ? and status <> 'DEPROVISIONED'")
                .param(slug.value())
                .query(TenantRegistry::map)
                .optional();
    }

    public Tenant getLive(TenantSlug slug) {
        return findLive(slug).orElseThrow(() -> TenantNotFound.forSlug(slug));
    }

    public Optional<Tenant> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from platform.tenants where id = ?")
                .param(id)
                .query(TenantRegistry::map)
                .optional();
    }

    /** Whether a verified, live workspace holds this domain. */
    public boolean isDomainClaimed(String domain) {
        return jdbc.sql("select exists (select 1 from platform.tenants where domain = ? and domain_verified_at is not"
                        + " null and status <> 'DEPROVISIONED')")
                .param(domain)
                .query(Boolean.class)
                .single();
    }

    public List<Tenant> list(Optional<TenantStatus> status) {
        return jdbc.sql("select " + COLUMNS + " from platform.tenants where (:status::text is null or status ="
                        + " :status) and status <> 'DEPROVISIONED' order by slug")
                .param("status", status.map(Enum::name).orElse(null))
                .query(TenantRegistry::map)
                .list();
    }

    /** Pending workspaces whose domain is not verified, least recently checked first. */
    public List<Tenant> awaitingDomainCheck(Instant checkedBefore, int limit) {
        return jdbc.sql("select " + COLUMNS + " from platform.tenants where status = 'PENDING' and domain_verified_at"
                        + " is null and (domain_checked_at is null or domain_checked_at < ?) and created_at > now() -"
                        + " interval '7 days' order by domain_checked_at nulls first limit ?")
                .params(Timestamp.from(checkedBefore), limit)
                .query(TenantRegistry::map)
                .list();
    }

    private static Tenant map(ResultSet rs, int row) throws SQLException {
        return new Tenant(
                rs.getObject("id", UUID.class),
                TenantSlug.of(rs.getString("slug")),
                rs.getString("business_name"),
                rs.getString("domain"),
                TenantStatus.valueOf(rs.getString("status")),
                rs.getString("admin_email"),
                rs.getString("admin_name"),
                rs.getString("admin_password_credential"),
                instant(rs.getTimestamp("email_verified_at")),
                rs.getString("domain_token"),
                instant(rs.getTimestamp("domain_verified_at")),
                rs.getString("domain_verification_method"),
                instant(rs.getTimestamp("domain_checked_at")),
                rs.getString("domain_check_result"),
                rs.getString("keycloak_url"),
                rs.getString("issuer"),
                rs.getString("cell"),
                rs.getString("moving_to"),
                instant(rs.getTimestamp("created_at")),
                rs.getInt("version"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
