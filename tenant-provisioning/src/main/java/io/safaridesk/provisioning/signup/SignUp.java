package io.safaridesk.provisioning.signup;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.tenancy.TenantSlug;
import io.safaridesk.platform.tenancy.TenantStatus;
import io.safaridesk.provisioning.domain.DomainName;
import io.safaridesk.provisioning.domain.DomainVerification;
import io.safaridesk.provisioning.domain.DomainVerifier;
import io.safaridesk.provisioning.domain.InvalidDomain;
import io.safaridesk.provisioning.domain.VerificationToken;
import io.safaridesk.provisioning.realm.PasswordHash;
import io.safaridesk.provisioning.saga.ProvisioningJobs;
import io.safaridesk.provisioning.tenant.Tenant;
import io.safaridesk.provisioning.tenant.TenantNotFound;
import io.safaridesk.provisioning.tenant.TenantRegistry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Self sign-up of a business: register, prove the admin's email with a code and the domain with a DNS record or a
 * file; once both are proven, provisioning starts by itself.
 */
@Component
public class SignUp {

    /** The one answer to a refused code: all a legitimate user needs, nothing about the sign-up. */
    static final String CODE_REFUSED =
            "is wrong or has expired; after a few wrong codes even the right one is refused, so ask for a new one";

    private static final Logger log = LoggerFactory.getLogger(SignUp.class);

    private final TenantRegistry tenants;
    private final EmailCodes codes;
    private final SignUpMails mails;
    private final DomainVerifier domainVerifier;
    private final ProvisioningJobs jobs;
    private final TransactionTemplate transaction;
    private final SignUpProperties properties;
    private final Clock clock;
    private final String keycloakUrl;

    SignUp(
            TenantRegistry tenants,
            EmailCodes codes,
            SignUpMails mails,
            DomainVerifier domainVerifier,
            ProvisioningJobs jobs,
            TransactionTemplate transaction,
            SignUpProperties properties,
            Clock clock,
            @Value("${safaridesk.keycloak.url}") String keycloakUrl) {
        this.tenants = tenants;
        this.codes = codes;
        this.mails = mails;
        this.domainVerifier = domainVerifier;
        this.jobs = jobs;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
        this.keycloakUrl = keycloakUrl;
    }

    /** What a business gives to sign up. */
    public record Registration(
            String businessName,
            String slug,
            String domain,
            String adminName,
            String adminEmail,
            String adminPassword) {}

    /**
     * Creates a pending workspace and emails the admin a code. Nothing is created when any input is refused or the
     * email cannot be sent.
     */
    public Tenant register(Registration registration) {
        Tenant tenant = newTenant(registration);
        try {
            return transaction.execute(status -> {
                tenants.add(tenant);
                String code = codes.issue(tenant.id(), clock.instant());
                mails.sendCode(
                        tenant.adminEmail(),
                        tenant.adminName(),
                        tenant.businessName(),
                        code,
                        properties.codeValidity().toMinutes());
                return tenant;
            });
        } catch (DuplicateKeyException raced) {
            throw new Conflict("slug-taken", "The workspace name '" + tenant.slug() + "' is taken");
        }
    }

    /**
     * Registers a workspace for an operator, who vouches for the admin's email and, if asked, for the domain; it goes
     * straight to provisioning when both are vouched for.
     */
    public Tenant registerByOperator(Registration registration, boolean vouchForDomain) {
        Tenant tenant = newTenant(registration);
        tenant.emailVerified(clock.instant());
        if (vouchForDomain) {
            tenant.domainVouchedByOperator(clock.instant());
        }
        startProvisioningIfVerified(tenant);
        try {
            return transaction.execute(status -> {
                tenants.add(tenant);
                queueProvisioningIfStarted(tenant);
                return tenant;
            });
        } catch (DuplicateKeyException raced) {
            throw new Conflict("slug-taken", "The workspace name '" + tenant.slug() + "' is taken");
        }
    }

    private Tenant newTenant(Registration registration) {
        TenantSlug slug = slugOf(registration.slug());
        DomainName domain = domainOf(registration.domain());
        if (tenants.findLive(slug).isPresent()) {
            throw new Conflict("slug-taken", "The workspace name '" + slug + "' is taken");
        }
        if (tenants.isDomainClaimed(domain.value())) {
            throw new Conflict("domain-taken", "The domain " + domain.value() + " belongs to another workspace");
        }
        return Tenant.signUp(
                slug,
                registration.businessName().trim(),
                domain.value(),
                registration.adminEmail().trim().toLowerCase(Locale.ROOT),
                registration.adminName().trim(),
                PasswordHash.of(registration.adminPassword().toCharArray()).toStoredForm(),
                VerificationToken.generate().value(),
                keycloakUrl,
                clock.instant());
    }

    /**
     * Sends a new code if {@code slug} is a pending sign-up whose email is not verified yet, within the per-sign-up
     * limits of {@link EmailCodes}; otherwise does nothing. It never says which: the caller is answered the same for
     * every slug (docs/operations/security.md, oracles), and the one who needs to know gets the mail.
     */
    public void resendCode(String slug) {
        Optional<Tenant> found = tenants.findLive(slugOf(slug))
                .filter(t -> t.status() == TenantStatus.PENDING && t.emailVerifiedAt() == null);
        if (found.isEmpty()) {
            log.info("no code resent for {}: no pending sign-up with an unverified email", slug);
            return;
        }
        Tenant tenant = found.get();
        try {
            transaction.executeWithoutResult(status -> {
                String code = codes.issue(tenant.id(), clock.instant());
                mails.sendCode(
                        tenant.adminEmail(),
                        tenant.adminName(),
                        tenant.businessName(),
                        code,
                        properties.codeValidity().toMinutes());
            });
        } catch (EmailCodes.TooManyCodes tooSoon) {
            log.info("no code resent for {}: {}", slug, tooSoon.getMessage());
        }
    }

    /**
     * Checks the emailed code. Every refusal is one and the same 422 on {@code code}, whether the sign-up does not
     * exist, is no longer pending, or the code is wrong, expired, never sent or used up its attempts; and the same
     * statements run in every case, so neither the answer nor its timing tells an attacker whether a sign-up exists.
     * Every guess counts against the code's attempts. The right code of a sign-up verified already answers its view
     * again (a double submit).
     */
    public Tenant verifyEmail(String slug, String code) {
        TenantSlug name = slugOf(slug);
        if (code == null || !code.matches("\\d{6}")) {
            throw ApiProblem.invalidField("code", "must be the 6 digits from the email");
        }
        Optional<Tenant> found = tenants.findLive(name);
        EmailCodes.Outcome outcome =
                codes.check(found.map(Tenant::id).orElseGet(UUID::randomUUID), code, clock.instant());
        if (outcome != EmailCodes.Outcome.ACCEPTED || found.isEmpty()) {
            log.info("sign-up code for {} refused: {}", slug, found.isEmpty() ? "no such sign-up" : outcome);
            throw ApiProblem.invalidField("code", CODE_REFUSED);
        }
        Tenant tenant = found.get();
        if (tenant.emailVerifiedAt() != null || tenant.status() != TenantStatus.PENDING) {
            return tenant;
        }
        return transaction.execute(status -> {
            tenant.emailVerified(clock.instant());
            startProvisioningIfVerified(tenant);
            tenants.save(tenant);
            queueProvisioningIfStarted(tenant);
            return tenant;
        });
    }

    /**
     * Looks for the domain's proof now (DNS TXT record, then the well-known file), for whoever holds the sign-up's
     * status token; anyone else gets the same 404 as {@link #status}, before any lookup.
     */
    public Tenant checkDomain(String slug, String statusToken) {
        return checkDomain(authorised(slug, statusToken).value());
    }

    /** Looks for the domain's proof now, for the periodic re-check. */
    Tenant checkDomain(String slug) {
        Tenant existing = tenants.getLive(slugOf(slug));
        if (existing.domainVerifiedAt() != null) {
            return existing;
        }
        Tenant tenant = pending(slug);
        DomainVerification check =
                domainVerifier.verify(DomainName.of(tenant.domain()), VerificationToken.of(tenant.domainToken()));
        return transaction.execute(status -> {
            if (check.verified() && tenants.isDomainClaimed(tenant.domain())) {
                throw new Conflict("domain-taken", "The domain " + tenant.domain() + " belongs to another workspace");
            }
            tenant.domainChecked(
                    check.verified(),
                    check.method() == null ? null : check.method().name(),
                    check.verified() ? "verified" : check.reason(),
                    clock.instant());
            startProvisioningIfVerified(tenant);
            tenants.save(tenant);
            queueProvisioningIfStarted(tenant);
            return tenant;
        });
    }

    /**
     * Where a sign-up stands, for whoever holds the status token that its registration returned; anyone else, and an
     * unknown or malformed slug, gets the same 404, so the answer tells no one whether a workspace exists.
     */
    public Tenant status(String slug, String statusToken) {
        return tenants.getLive(authorised(slug, statusToken));
    }

    /** The slug, if {@code statusToken} is its sign-up's; else the same 404 whether or not the sign-up exists. */
    private TenantSlug authorised(String slug, String statusToken) {
        TenantSlug tenant;
        try {
            tenant = TenantSlug.of(slug);
        } catch (TenantSlug.InvalidTenantSlug e) {
            throw TenantNotFound.forSlug(slug.length() > 40 ? slug.substring(0, 40) : slug);
        }
        if (statusToken == null
                || !MessageDigest.isEqual(
                        statusToken(tenant).getBytes(StandardCharsets.UTF_8),
                        statusToken.getBytes(StandardCharsets.UTF_8))) {
            throw TenantNotFound.forSlug(tenant.value());
        }
        return tenant;
    }

    /** The token that lets the registering business read its sign-up's status: a MAC of the slug, nothing stored. */
    public String statusToken(TenantSlug slug) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.codeSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(("status:" + slug.value()).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void startProvisioningIfVerified(Tenant tenant) {
        if (tenant.isReadyToProvision()) {
            tenant.startProvisioning();
        }
    }

    private void queueProvisioningIfStarted(Tenant tenant) {
        if (tenant.isProvisioning()) {
            jobs.enqueue(tenant.id());
        }
    }

    private Tenant pending(String slug) {
        Tenant tenant = tenants.getLive(slugOf(slug));
        if (tenant.status() != TenantStatus.PENDING) {
            throw new Conflict("not-pending", "Workspace " + slug + " is " + tenant.status() + ", not pending");
        }
        return tenant;
    }

    static TenantSlug slugOf(String slug) {
        try {
            return TenantSlug.of(slug);
        } catch (TenantSlug.InvalidTenantSlug e) {
            throw ApiProblem.invalidField("slug", e.reason());
        }
    }

    private DomainName domainOf(String domain) {
        try {
            DomainName name = DomainName.of(domain);
            domainVerifier.requireEligible(name);
            return name;
        } catch (InvalidDomain e) {
            throw ApiProblem.invalidField("domain", e.reason());
        }
    }

    /** The sign-up clashes with an existing workspace or with its own state. */
    static final class Conflict extends ApiProblem {
        Conflict(String type, String detail) {
            super(HttpStatus.CONFLICT, type, detail);
        }
    }
}
