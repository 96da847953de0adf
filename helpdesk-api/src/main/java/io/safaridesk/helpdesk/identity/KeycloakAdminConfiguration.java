package io.safaridesk.helpdesk.identity;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Keycloak administration for helpdesk-api: see {@link WorkspaceRealms}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeycloakSettings.class)
class KeycloakAdminConfiguration {}
