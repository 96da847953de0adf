package io.safaridesk.platform.tenancy;

import java.time.Clock;
import javax.sql.DataSource;
import org.hibernate.cfg.MultiTenancySettings;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Schema-per-tenant for every SafariDesk service: one pool, Hibernate routed to {@code t_<slug>} of the workspace in
 * {@link TenantContext}.
 */
@AutoConfiguration
@AutoConfigurationPackage(basePackages = "io.safaridesk.platform")
public class TenancyAutoConfiguration {

    /** Every checkout of the service's pool, tenant or not, gets its schema set (see {@link SchemaGuardedDataSource}). */
    @Bean
    static BeanPostProcessor schemaGuardedDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource pool && !(bean instanceof SchemaGuardedDataSource)
                        ? new SchemaGuardedDataSource(pool)
                        : bean;
            }
        };
    }

    @Bean
    HibernatePropertiesCustomizer schemaPerTenant(DataSource dataSource) {
        if (!(dataSource instanceof SchemaGuardedDataSource guarded)) {
            throw new IllegalStateException("The service's DataSource is not schema-guarded: " + dataSource);
        }
        TenantSchemaConnectionProvider connections = new TenantSchemaConnectionProvider(guarded);
        CurrentTenantSchemaResolver resolver = new CurrentTenantSchemaResolver();
        return properties -> {
            properties.put(MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER, connections);
            properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, resolver);
        };
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TenantSchemas tenantSchemas(DataSource dataSource) {
        return new TenantSchemas(dataSource);
    }

    @Bean
    TenantDirectory tenantDirectory(DataSource dataSource, Clock clock) {
        return new TenantDirectory(dataSource, clock);
    }
}
