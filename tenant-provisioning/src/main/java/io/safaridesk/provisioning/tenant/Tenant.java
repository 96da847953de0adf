package io.safaridesk.provisioning.tenant;

import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.platform.tenancy.TenantStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A workspace in the registry. It owns its transitions: it cannot be provisioned before both its admin's email and
 * its domain are verified, and only an active workspace can be suspended.
 */
public final class Tenant {

    private final UUID id;
    private final TenantSlug slug;
    private final String businessName;
    private final String domain;
    private final String adminEmail;
    private final String adminName;
    private final String domainToken;
    private final String keycloakUrl;
    private final Instant createdAt;
    private TenantStatus status;
    private String adminPasswordCredential;
    private Instant emailVerifiedAt;
    private Instant domainVerifiedAt;
    private String domainVerificationMethod;
    private Instant domainCheckedAt;
    private String domainCheckResult;
    private String issuer;
    private int version;

    Tenant(
            UUID id,
            TenantSlug slug,
            String businessName,
            String domain,
            TenantStatus status,
            String adminEmail,
            String adminName,
            String adminPasswordCredential,
            Instant emailVerifiedAt,
            String domainToken,
            Instant domainVerifiedAt,
            String domainVerificationMethod,
            Instant domainCheckedAt,
            String domainCheckResult,
            String keycloakUrl,
            String issuer,
            Instant createdAt,
            int version) {
        this.id = id;
        this.slug = slug;
        this.businessName = businessName;
        this.domain = domain;
        this.status = status;
        this.adminEmail = adminEmail;
        this.adminName = adminName;
        this.adminPasswordCredential = adminPasswordCredential;
        this.emailVerifiedAt = emailVerifiedAt;
        this.domainToken = domainToken;
        this.domainVerifiedAt = domainVerifiedAt;
        this.domainVerificationMethod = domainVerificationMethod;
        this.domainCheckedAt = domainCheckedAt;
        this.domainCheckResult = domainCheckResult;
        this.keycloakUrl = keycloakUrl;
        this.issuer = issuer;
        this.createdAt = createdAt;
        this.version = version;
    }

    /** A business that has just signed up: pending until its email and domain are verified. */
    public static Tenant signUp(
            TenantSlug slug,
            String businessName,
            String domain,
            String adminEmail,
            String adminName,
            String adminPasswordCredential,
            String domainToken,
            String keycloakUrl,
            Instant now) {
        return new Tenant(
                UUID.randomUUID(),
                slug,
                businessName,
                domain,
                TenantStatus.PENDING,
                adminEmail,
                adminName,
                adminPasswordCredential,
                null,
                domainToken,
                null,
                null,
                null,
                null,
                keycloakUrl,
                null,
                now,
                0);
    }

    public void emailVerified(Instant at) {
        requireStatus(TenantStatus.PENDING, "verify its email");
        if (emailVerifiedAt == null) {
            emailVerifiedAt = at;
        }
    }

    /** Records a domain check; a successful one verifies the domain. */
    public void domainChecked(boolean verified, String method, String result, Instant at) {
        domainCheckedAt = at;
        domainCheckResult = result;
        if (verified && domainVerifiedAt == null) {
            domainVerifiedAt = at;
            domainVerificationMethod = method;
        }
    }

    /** An operator vouches for the domain (the CLI's {@code --skip-domain-verification}). */
    public void domainVouchedByOperator(Instant at) {
        domainChecked(true, "OPERATOR", "verified by an operator", at);
    }

    /** Both verifications done and still pending: time to provision. */
    public boolean isReadyToProvision() {
        return status == TenantStatus.PENDING && emailVerifiedAt != null && domainVerifiedAt != null;
    }

    /** The saga is (or should be) making this workspace. */
    public boolean isProvisioning() {
        return status == TenantStatus.PROVISIONING;
    }

    public void startProvisioning() {
        if (!isReadyToProvision()) {
            throw new IllegalStateException("Workspace " + slug + " is not verified yet, or not pending");
        }
        status = TenantStatus.PROVISIONING;
    }

    /** Resuming a failed saga puts the workspace back into provisioning. */
    public void retryProvisioning() {
        requireStatus(TenantStatus.FAILED, "resume provisioning");
        status = TenantStatus.PROVISIONING;
    }

    public void adminCreated() {
        adminPasswordCredential = null;
    }

    public void activate(String realmIssuer) {
        requireStatus(TenantStatus.PROVISIONING, "be activated");
        issuer = realmIssuer;
        status = TenantStatus.ACTIVE;
    }

    public void provisioningFailed() {
        requireStatus(TenantStatus.PROVISIONING, "fail provisioning");
        status = TenantStatus.FAILED;
    }

    public void suspend() {
        requireStatus(TenantStatus.ACTIVE, "be suspended");
        status = TenantStatus.SUSPENDED;
    }

    public void resume() {
        requireStatus(TenantStatus.SUSPENDED, "be resumed");
        status = TenantStatus.ACTIVE;
    }

    public void deprovisioned() {
        status = TenantStatus.DEPROVISIONED;
    }

    private void requireStatus(TenantStatus required, String action) {
        if (status != required) {
            throw new TenantStateConflict(slug, status, action);
        }
    }

    public UUID id() {
        return id;
    }

    public TenantSlug slug() {
        return slug;
    }

    public String businessName() {
        return businessName;
    }

    public String domain() {
        return domain;
    }

    public TenantStatus status() {
        return status;
    }

    public String adminEmail() {
        return adminEmail;
    }

    public String adminName() {
        return adminName;
    }

    public String adminPasswordCredential() {
        return adminPasswordCredential;
    }

    public Instant emailVerifiedAt() {
        return emailVerifiedAt;
    }

    public String domainToken() {
        return domainToken;
    }

    public Instant domainVerifiedAt() {
        return domainVerifiedAt;
    }

    public String domainVerificationMethod() {
        return domainVerificationMethod;
    }

    public Instant domainCheckedAt() {
        return domainCheckedAt;
    }

    public String domainCheckResult() {
        return domainCheckResult;
    }

    public String keycloakUrl() {
        return keycloakUrl;
    }

    public String issuer() {
        return issuer;
    }

    /** The issuer that this workspace's realm puts into its tokens. */
    public String realmIssuer() {
        return keycloakUrl.replaceAll("/+$", "") + "/realms/" + slug.realmName();
    }

    public Instant createdAt() {
        return createdAt;
    }

    int version() {
        return version;
    }

    void versionSaved(int newVersion) {
        version = newVersion;
    }
}
