package io.safaridesk.helpdesk.contact;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The Keycloak that holds the workspace realms, and a master-realm administrator of it. */
@ConfigurationProperties("safaridesk.keycloak")
record KeycloakConnection(URI url, String adminUser, String adminPassword) {}
