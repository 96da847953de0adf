package io.safaridesk.provisioning.domain;

/** How a business proved that it owns a domain. */
public enum VerificationMethod {
    /** A TXT record at {@code _safaridesk-challenge.<domain>} holds the token. */
    DNS_TXT,
    /** {@code https://<domain>/.well-known/safaridesk-verification.txt} holds the token. */
    WELL_KNOWN_FILE
}
