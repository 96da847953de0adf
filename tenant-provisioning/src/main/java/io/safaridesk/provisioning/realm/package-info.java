/**
 * The Keycloak side of a workspace: its realm, made from the realm template of module {@code keycloak}, its first
 * admin, and logging in to it.
 *
 * <p>The public facade is {@link io.safaridesk.provisioning.realm.RealmProvisioner} (realms and their first admin) and
 * {@link io.safaridesk.provisioning.realm.KeycloakLogin} (direct-grant login, password reset mail), with their value
 * records. Keycloak being unreachable surfaces as {@link io.safaridesk.provisioning.realm.KeycloakUnavailable} (wait and
 * retry), Keycloak saying no as {@link io.safaridesk.provisioning.realm.KeycloakRefused}.
 */
package io.safaridesk.provisioning.realm;
