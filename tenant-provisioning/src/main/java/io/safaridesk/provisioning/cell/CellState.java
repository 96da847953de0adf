package io.safaridesk.provisioning.cell;

/** Whether a realm cell takes new workspaces. */
public enum CellState {
    /** Takes new workspaces while it has room. */
    OPEN,
    /** Holds as many workspaces as its capacity; open again when some leave or its capacity grows. */
    FULL,
    /** Takes no new workspaces, set by an operator (before moving its workspaces away and removing it). */
    DRAINING
}
