package io.safaridesk.platform.events;

import java.time.Instant;
import java.util.UUID;

/** A workspace has its schema, its realm and its first admin, and is now served. Version 1. */
public record TenantProvisioned(
        UUID tenantId, String slug, String businessName, String domain, String adminEmail, Instant provisionedAt) {}
