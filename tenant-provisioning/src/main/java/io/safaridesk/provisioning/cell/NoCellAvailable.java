package io.safaridesk.provisioning.cell;

/**
 * No realm cell can take a workspace now: every cell is full, draining or unreachable. Provisioning waits and tries
 * again (an operator adds a cell or raises a capacity); nothing was made.
 */
public final class NoCellAvailable extends RuntimeException {
    private NoCellAvailable(String message) {
        super(message);
    }

    static NoCellAvailable now(int cells) {
        return new NoCellAvailable("None of the " + cells + " realm cell(s) is open, has room and is reachable");
    }
}
