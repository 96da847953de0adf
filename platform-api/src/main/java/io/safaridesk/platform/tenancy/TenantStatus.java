package io.safaridesk.platform.tenancy;

/** Where a workspace is in its life. Only an {@link #ACTIVE} workspace is served. */
public enum TenantStatus {
    /** Signed up; email and domain not both verified yet. */
    PENDING,
    /** Verified; the provisioning saga is making its schema and realm. */
    PROVISIONING,
    ACTIVE,
    /** Stopped by an operator: realm disabled, API answers 403. */
    SUSPENDED,
    /** The saga gave up; an operator can resume it. */
    FAILED,
    /** Schema and realm dropped. */
    DEPROVISIONED
}
