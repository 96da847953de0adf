package io.safaridesk.helpdesk.settings.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;

import io.safaridesk.domain.mail.SmtpServer;
import io.safaridesk.domain.mail.WorkspaceSmtp;
import io.safaridesk.helpdesk.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Callers(ADMIN)
@Tag(name = "Settings")
@RestController
@RequestMapping("/api/v1/settings/smtp")
class SmtpSettingsController {

    private final WorkspaceSmtp smtp;

    SmtpSettingsController(WorkspaceSmtp smtp) {
        this.smtp = smtp;
    }

    record SmtpRequest(
            @NotBlank @Size(max = 253) String host,
            @NotNull @Min(1) @Max(65535) Integer port,
            @Size(max = 200) String username,
            @Size(max = 500) String password,
            Boolean starttls,
            @Email @Size(max = 254) String fromAddress) {

        SmtpServer toServer() {
            return new SmtpServer(host.trim(), port, username, password, starttls == null || starttls, fromAddress);
        }
    }

    /** The password is never shown: only whether one is stored. */
    record SmtpView(
            boolean custom,
            String host,
            Integer port,
            String username,
            boolean passwordSet,
            boolean starttls,
            String fromAddress) {

        static SmtpView of(Optional<SmtpServer> server) {
            return server.map(s -> new SmtpView(
                            true,
                            s.host(),
                            s.port(),
                            s.username(),
                            s.password() != null,
                            s.startTls(),
                            s.fromAddress()))
                    .orElse(new SmtpView(false, null, null, null, false, false, null));
        }
    }

    @Operation(summary = "The workspace's own SMTP server (custom=false: the platform's is used); never the password")
    @GetMapping
    SmtpView get() {
        return SmtpView.of(smtp.current());
    }

    @Operation(
            summary = "Sends the workspace's mail through this server; the password is stored AES-GCM sealed;"
                    + " omitted, the stored one is kept")
    @PutMapping
    SmtpView change(@Valid @RequestBody SmtpRequest request) {
        smtp.change(request.toServer());
        return SmtpView.of(smtp.current());
    }

    @Operation(summary = "Back to the platform's SMTP server")
    @DeleteMapping
    ResponseEntity<Void> clear() {
        smtp.clear();
        return ResponseEntity.noContent().build();
    }
}
