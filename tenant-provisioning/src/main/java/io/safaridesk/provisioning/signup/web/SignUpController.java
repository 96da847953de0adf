package io.safaridesk.provisioning.signup.web;

import io.safaridesk.platform.web.ClientAddresses;
import io.safaridesk.provisioning.signup.SignUp;
import io.safaridesk.provisioning.signup.SignUpDoors;
import io.safaridesk.provisioning.tenant.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Sign-up", description = "A business signs itself up and proves its email and domain")
@RestController
@RequestMapping("/api/v1/auth")
class SignUpController {

    static final String STATUS_TOKEN_HEADER = "X-Signup-Token";

    private final SignUpDoors signUp;
    private final ClientAddresses addresses;

    SignUpController(SignUpDoors signUp, ClientAddresses addresses) {
        this.signUp = signUp;
        this.addresses = addresses;
    }

    record RegisterRequest(
            @NotBlank @Size(max = 120) String businessName,
            @NotBlank String slug,
            @NotBlank @Size(max = 253) String domain,
            @NotBlank @Size(max = 120) String adminName,
            @NotBlank @Email @Size(max = 254) String adminEmail,

            @NotBlank @Size(min = 10, max = 128, message = "must be 10 to 128 characters")
            String adminPassword) {

        SignUp.Registration toRegistration() {
            return new SignUp.Registration(businessName, slug, domain, adminName, adminEmail, adminPassword);
        }
    }

    record CodeRequest(@NotBlank String slug, @NotBlank String code) {}

    record WorkspaceRequest(@NotBlank String slug) {}

    @Operation(summary = "Sign up a business: creates a pending workspace and emails the admin a 6-digit code")
    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    SignUpView register(@Valid @RequestBody RegisterRequest request, HttpServletRequest http) {
        Tenant tenant = signUp.register(request.toRegistration(), addresses.of(http));
        return SignUpView.of(tenant).withStatusToken(signUp.statusToken(tenant));
    }

    @Operation(
            summary = "Confirm the admin's email with the emailed code. Every refusal is the same 422 on code (wrong,"
                    + " expired, used up, or no such pending sign-up)")
    @PostMapping("/verify-otp")
    SignUpView verifyOtp(@Valid @RequestBody CodeRequest request, HttpServletRequest http) {
        return SignUpView.of(signUp.verifyEmail(request.slug(), request.code(), addresses.of(http)));
    }

    @Operation(
            summary = "Send a new email code to a pending sign-up's admin: 202 for every well-formed slug, whether or"
                    + " not there is such a sign-up; rate-limited per address and per slug (429)")
    @PostMapping("/resend-otp")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resendOtp(@Valid @RequestBody WorkspaceRequest request, HttpServletRequest http) {
        signUp.resendCode(request.slug(), addresses.of(http));
    }

    @Operation(
            summary = "Check the domain's DNS TXT record or well-known file now. Needs the status_token that"
                    + " registration returned, in the X-Signup-Token header; without it every slug is 404")
    @PostMapping("/verify-domain")
    SignUpView verifyDomain(
            @Valid @RequestBody WorkspaceRequest request,
            @RequestHeader(name = STATUS_TOKEN_HEADER, required = false) String token,
            HttpServletRequest http) {
        return SignUpView.of(signUp.checkDomain(request.slug(), token, addresses.of(http)));
    }

    @Operation(
            summary = "Where a sign-up stands: verifications and provisioning. Needs the status_token that"
                    + " registration returned, in the X-Signup-Token header; without it every slug is 404")
    @GetMapping("/workspaces/{slug}")
    SignUpView status(
            @PathVariable String slug,
            @RequestHeader(name = STATUS_TOKEN_HEADER, required = false) String token,
            HttpServletRequest http) {
        return SignUpView.of(signUp.status(slug, token, addresses.of(http)));
    }
}
