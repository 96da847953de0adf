package io.safaridesk.provisioning.cell;

import io.safaridesk.platform.error.ApiProblem;
import org.springframework.http.HttpStatus;

/** A change to the cells that their current state does not allow. */
public final class CellConflict extends ApiProblem {
    private CellConflict(String detail) {
        super(HttpStatus.CONFLICT, "cell-conflict", detail);
    }

    static CellConflict notEmpty(String name, int workspaces) {
        return new CellConflict(
                "Realm cell " + name + " still holds " + workspaces + " workspace(s); move them away first");
    }

    /** The cell is draining or full. */
    public static CellConflict noRoom(RealmCell cell) {
        return new CellConflict("Realm cell " + cell.name() + " takes no more workspaces (" + cell.state() + ", "
                + cell.workspaces() + "/" + cell.capacity() + ")");
    }

    static CellConflict noDatabase(String name) {
        return new CellConflict("Realm cell " + name + " has no --database reference: its users' passwords and OTP"
                + " secrets cannot be read, so its workspaces cannot be moved");
    }

    static CellConflict exists(String name) {
        return new CellConflict("A realm cell named " + name + ", or with that base URL, exists already");
    }
}
