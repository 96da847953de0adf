package io.safaridesk.platform.tenancy;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/** Tells Hibernate the schema of the workspace in {@link TenantContext}; fails when there is none. */
final class CurrentTenantSchemaResolver implements CurrentTenantIdentifierResolver<String> {

    @Override
    public String resolveCurrentTenantIdentifier() {
        return TenantContext.current().schemaName();
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }
}
