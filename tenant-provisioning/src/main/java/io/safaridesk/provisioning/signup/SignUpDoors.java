package io.safaridesk.provisioning.signup;

import io.safaridesk.platform.ratelimit.RateLimiter;
import io.safaridesk.provisioning.tenant.Tenant;
import org.springframework.stereotype.Component;

/**
 * Sign-up as anonymous callers reach it, each door rate-limited (docs/operations/security.md): registering per client
 * address and per admin email (each sends a mail to an address the caller picks), resending the code per address
 * (on top of the per-sign-up limits of {@link SignUp}), the checks (code, domain, status) per address.
 */
@Component
public class SignUpDoors {

    private final SignUp signUp;
    private final RateLimiter limits;

    SignUpDoors(SignUp signUp, RateLimiter limits) {
        this.signUp = signUp;
        this.limits = limits;
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

    public void resendCode(String slug, String client) {
        limits.take("resend-code-address", client);
        signUp.resendCode(slug);
    }

    public Tenant checkDomain(String slug, String client) {
        limits.take("signup-check-address", client);
        return signUp.checkDomain(slug);
    }

    public Tenant status(String slug, String statusToken, String client) {
        limits.take("signup-check-address", client);
        return signUp.status(slug, statusToken);
    }

    public String statusToken(Tenant tenant) {
        return signUp.statusToken(tenant.slug());
    }
}
