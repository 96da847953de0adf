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
    private final Instant createdAt;
    private TenantStatus status;
    private String adminPasswordCredential;
    private Instant emailVerifiedAt;
    private Instant domainVerifiedAt;
    private String domainVerificationMethod;
    private Instant domainCheckedAt;
    private String domainCheckResult;
    private String issuer;
    private String keycloakUrl;
    private String cell;
    private String movingTo;
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
            String cell,
            String movingTo,
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
        this.cell = cell;
        this.movingTo = movingTo;
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
                null,
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

    /**
     * Provisioning placed the realm in realm cell {@code cellName}, whose Keycloak issues tokens under {@code
     * baseUrl}.
     */
    public void placeIn(String cellName, String baseUrl) {
        requireStatus(TenantStatus.PROVISIONING, "be placed in a realm cell");
        cell = cellName;
        keycloakUrl = baseUrl;
    }

    /** The placed cell could not be reached before the realm was made there: provisioning places it again. */
    public void unplaced() {
        requireStatus(TenantStatus.PROVISIONING, "leave its realm cell");
        cell = null;
    }

    /** An operator starts moving the realm to cell {@code target}: the workspace is read-only until the move ends. */
    public void startMove(String target) {
        requireStatus(TenantStatus.ACTIVE, "be moved");
        if (target.equals(cell)) {
            throw new TenantStateConflict(slug, status, "move to the cell it is in (" + target + ")");
        }
        if (movingTo != null && !movingTo.equals(target)) {
            throw new TenantStateConflict(slug, status, "move to " + target + " while moving to " + movingTo);
        }
        movingTo = target;
    }

    /** The realm now lives in cell {@code movingTo}, under {@code baseUrl}: its tokens have the new issuer. */
    public void moved(String baseUrl) {
        if (movingTo == null) {
            throw new TenantStateConflict(slug, status, "finish a move that was not started");
        }
        cell = movingTo;
        movingTo = null;
        keycloakUrl = baseUrl;
        issuer = realmIssuer();
    }

    /** A move that failed before the switch: the workspace stays where it was, writable again. */
    public void moveAbandoned() {
        movingTo = null;
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

    /** The realm cell holding this workspace's realm; null until provisioning places it. */
    public String cell() {
        return cell;
    }

    /** The cell this workspace is being moved to (read-only meanwhile), or null. */
    public String movingTo() {
        return movingTo;
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
