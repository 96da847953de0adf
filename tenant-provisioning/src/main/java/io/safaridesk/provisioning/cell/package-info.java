/**
 * Realm cells: the Keycloak clusters that hold workspace realms, since one Keycloak slows down with every realm it
 * holds. The registry ({@code platform.realm_cells}) knows each cell's URLs, admin credentials reference, capacity and
 * state; provisioning places each new realm in the least loaded open cell with room.
 *
 * <p>The public facade is {@link io.safaridesk.provisioning.cell.RealmCells}, with {@link
 * io.safaridesk.provisioning.cell.RealmCell} as its view of a cell.
 */
package io.safaridesk.provisioning.cell;
