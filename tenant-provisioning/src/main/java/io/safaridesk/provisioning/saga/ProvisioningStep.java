package io.safaridesk.provisioning.saga;

/**
 * The steps of provisioning a workspace. Each is idempotent, and recorded once done. The database steps and the
 * Keycloak steps do not depend on each other, so the saga runs the two tracks side by side, each in its order;
 * {@link #ACTIVATE} runs once both are done.
 */
public enum ProvisioningStep {
    CREATE_SCHEMA(Track.DATABASE),
    MIGRATE_SCHEMA(Track.DATABASE),
    CREATE_REALM(Track.KEYCLOAK),
    CREATE_ADMIN(Track.KEYCLOAK),
    /** Marks the workspace active and records TenantProvisioned in the outbox, in one transaction. */
    ACTIVATE(Track.LAST);

    /** Which chain of steps a step belongs to. */
    enum Track {
        DATABASE,
        KEYCLOAK,
        LAST
    }

    private final Track track;

    ProvisioningStep(Track track) {
        this.track = track;
    }

    Track track() {
        return track;
    }

    /** Whether this step may only run once {@code other} is done: an earlier step of its track, or any for the last. */
    public boolean comesAfter(ProvisioningStep other) {
        return other.ordinal() < ordinal() && (track == Track.LAST || other.track == track);
    }
}
