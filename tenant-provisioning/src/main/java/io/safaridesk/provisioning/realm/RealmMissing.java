package io.safaridesk.provisioning.realm;

/**
 * The realm a step needs does not exist in the cell (yet): made by a request whose answer came too late, or removed
 * since. Provisioning makes sure of the realm again before it goes on.
 */
public final class RealmMissing extends RuntimeException {

    private RealmMissing(String message) {
        super(message);
    }

    static RealmMissing named(String realm) {
        return new RealmMissing("Realm " + realm + " does not exist (yet)");
    }
}
