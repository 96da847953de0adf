package io.safaridesk.provisioning.signup;

import io.safaridesk.platform.ratelimit.RateLimiter;
import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.provisioning.tenant.Tenant;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sign-up as anonymous callers reach it, each door rate-limited (docs/operations/security.md): registering per client
 * address and per admin email (each sends a mail to an address the caller picks), resending the code per address and
 * per slug (taken for every slug, known or not, so that the limit tells nothing), the checks (code, domain, status)
 * per address.
 */
@Component
public class SignUpDoors {

    private static final Logger log = LoggerFactory.getLogger(SignUpDoors.class);

    private final SignUp signUp;
    private final RateLimiter limits;
    /** Resent codes go out after the answer: a mail to send must not make the answer slower than none. */
    private final ExecutorService resends = Executors.newVirtualThreadPerTaskExecutor();

    SignUpDoors(SignUp signUp, RateLimiter limits) {
        this.signUp = signUp;
        this.limits = limits;
    }

    @PreDestroy
    void finishResends() throws InterruptedException {
        resends.shutdown();
        resends.awaitTermination(10, TimeUnit.SECONDS);
    }

    public Tenant register(SignUp.Registration registration, String client) {
        limits.take("signup-address", client);
        limits.take("signup-email", registration.adminEmail());
        return signUp.register(registration);
    }

    public Tenant verifyEmail(String slug, String code, String client) {
        limits.take("signup-check-address", client);
        return signUp.verifyEmail(slug, code);
    }

    /**
     * Accepts a request for a new code the same way for every well-formed slug; the code is sent after the answer, if
     * there is a pending sign-up to send it to.
     */
    public void resendCode(String slug, String client) {
        TenantSlug workspace = SignUp.slugOf(slug);
        limits.take("resend-code-address", client);
        limits.take("resend-code-signup", workspace.value());
        resends.execute(() -> {
            try {
                signUp.resendCode(workspace.value());
            } catch (RuntimeException e) {
                log.error("resending the sign-up code of {} failed", workspace, e);
            }
        });
    }

    public Tenant checkDomain(String slug, String statusToken, String client) {
        limits.take("signup-check-address", client);
        return signUp.checkDomain(slug, statusToken);
    }

    public Tenant status(String slug, String statusToken, String client) {
        limits.take("signup-check-address", client);
        return signUp.status(slug, statusToken);
    }

    public String statusToken(Tenant tenant) {
        return signUp.statusToken(tenant.slug());
    }
}
