package io.safaridesk.platform.tenancy;

import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The workspace that the current thread works for. Set around a request or a job with {@link #callAs}; there is no
 * default: asking for the tenant when none is set is an error, never a fall-back to a shared schema. The workspace is
 * also in the logging context ({@value #LOG_KEY}), so that every log line written for it names it.
 */
public final class TenantContext {

    /** The key of the current workspace in the logging context (MDC). */
    public static final String LOG_KEY = "workspace";

    private static final ThreadLocal<TenantSlug> CURRENT = new ThreadLocal<>();

    private TenantContext() {}

    /** Runs {@code work} as {@code tenant}, restoring whatever was set before. */
    public static <T> T callAs(TenantSlug tenant, Supplier<T> work) {
        TenantSlug previous = CURRENT.get();
        CURRENT.set(tenant);
        MDC.put(LOG_KEY, tenant.value());
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
                MDC.remove(LOG_KEY);
            } else {
                CURRENT.set(previous);
                MDC.put(LOG_KEY, previous.value());
            }
        }
    }

    public static void runAs(TenantSlug tenant, Runnable work) {
        callAs(tenant, () -> {
            work.run();
            return null;
        });
    }

    /** The current workspace; fails with {@link NoTenantInContext} when there is none. */
    public static TenantSlug current() {
        TenantSlug tenant = CURRENT.get();
        if (tenant == null) {
            throw new NoTenantInContext();
        }
        return tenant;
    }

    public static Optional<TenantSlug> find() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Tenant data was touched outside of any workspace. */
    public static final class NoTenantInContext extends IllegalStateException {
        NoTenantInContext() {
            super("No workspace in context: tenant data can only be reached within TenantContext.callAs");
        }
    }
}
