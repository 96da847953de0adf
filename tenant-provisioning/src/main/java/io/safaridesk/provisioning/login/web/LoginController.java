package io.safaridesk.provisioning.login.web;

import io.safaridesk.platform.web.ClientAddresses;
import io.safaridesk.provisioning.login.WorkspaceLogin;
import io.safaridesk.provisioning.realm.LoginResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Login", description = "Token login for clients without the browser SSO flow")
@RestController
@RequestMapping("/api/v1/auth")
class LoginController {

    private final WorkspaceLogin login;
    private final ClientAddresses addresses;

    LoginController(WorkspaceLogin login, ClientAddresses addresses) {
        this.login = login;
        this.addresses = addresses;
    }

    record LoginRequest(
            @NotBlank String workspace,
            @NotBlank @Email String email,
            @NotBlank @Size(max = 256) String password,

            @Pattern(regexp = "\\d{6}", message = "must be the 6 digits from the authenticator")
            String otp) {}

    record TokenResponse(String accessToken, String refreshToken, long expiresIn, String tokenType) {
        static TokenResponse of(LoginResult.Tokens tokens) {
            return new TokenResponse(
                    tokens.accessToken(),
                    tokens.refreshToken(),
                    tokens.expiresIn().toSeconds(),
                    "Bearer");
        }
    }

    record PasswordResetRequest(
            @NotBlank String workspace, @NotBlank @Email String email) {}

    @Operation(
            summary = "Exchange workspace, email, password and OTP code for tokens of the workspace's realm; every"
                    + " refusal is the same 401; failures are rate-limited per account and per address (429); 503"
                    + " login-unavailable while the workspace's Keycloak does not answer")
    @PostMapping("/login")
    TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return TokenResponse.of(login.login(
                request.workspace(), request.email(), request.password(), request.otp(), addresses.of(http)));
    }

    @Operation(
            summary = "Email a password-reset link, if the workspace has such a user (answers 202 either way; 503"
                    + " login-unavailable while the workspace's Keycloak does not answer)")
    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void passwordReset(@Valid @RequestBody PasswordResetRequest request, HttpServletRequest http) {
        login.requestPasswordReset(request.workspace(), request.email(), addresses.of(http));
    }
}
