package io.safaridesk.provisioning.saga;

/** The steps of provisioning a workspace, in order. Each is idempotent, and recorded once done. */
public enum ProvisioningStep {
    CREATE_SCHEMA,
    MIGRATE_SCHEMA,
    CREATE_REALM,
    CREATE_ADMIN,
    /** Marks the workspace active and records TenantProvisioned in the outbox, in one transaction. */
    ACTIVATE
}
