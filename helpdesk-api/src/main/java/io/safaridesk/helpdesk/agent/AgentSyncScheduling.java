package io.safaridesk.helpdesk.agent;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the periodic reconciliation of agents with Keycloak ({@link AgentDirectorySync#reconcileAll}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AgentSyncScheduling {}
