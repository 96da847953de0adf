package io.safaridesk.provisioning.cell;

import io.safaridesk.platform.error.ApiProblem;
import org.springframework.http.HttpStatus;

/** No realm cell has this name. */
public final class CellNotFound extends ApiProblem {
    private CellNotFound(String name) {
        super(HttpStatus.NOT_FOUND, "cell-not-found", "No realm cell '" + name + "'");
    }

    public static CellNotFound named(String name) {
        return new CellNotFound(name);
    }
}
