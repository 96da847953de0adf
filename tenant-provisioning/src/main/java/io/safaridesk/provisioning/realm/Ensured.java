package io.safaridesk.provisioning.realm;

/** What an idempotent {@code ensure...} call found. */
public enum Ensured {
    /** It did not exist and was created. */
    CREATED,
    /** It existed already and was left as it was. */
    ALREADY_PRESENT
}
