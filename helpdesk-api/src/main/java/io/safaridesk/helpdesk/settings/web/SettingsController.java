package io.safaridesk.helpdesk.settings.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.settings.Settings;
import io.safaridesk.domain.settings.WorkspaceSettings;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.helpdesk.settings.WorkspaceLogo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import org.hibernate.validator.constraints.URL;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Settings")
@RestController
@RequestMapping("/api/v1/settings")
class SettingsController {

    private final Settings settings;
    private final WorkspaceLogo logo;

    SettingsController(Settings settings, WorkspaceLogo logo) {
        this.settings = settings;
        this.logo = logo;
    }

    record SettingsRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 64) String timeZone,
            @Size(max = 35) String defaultLanguage,
            @URL(regexp = "^https?:.*") @Size(max = 500) String supportUrl,
            @Size(max = 200) String emailFromName,
            @Email @Size(max = 254) String emailReplyTo,
            @Size(max = 10_000) String emailSignature,

            @Pattern(regexp = "^[A-Za-z0-9_-]{0,10}$", message = "must be up to 10 letters, digits, - or _")
            String ticketNumberPrefix,

            @Size(max = 20) String ticketVisibility,
            Integer version) {

        Settings.Changes toChanges() {
            return new Settings.Changes(
                    name.trim(),
                    timeZone,
                    defaultLanguage,
                    supportUrl,
                    emailFromName,
                    emailReplyTo,
                    emailSignature,
                    ticketNumberPrefix,
                    ticketVisibility,
                    version);
        }
    }

    record SettingsView(
            String name,
            String timeZone,
            String defaultLanguage,
            String supportUrl,
            String emailFromName,
            String emailReplyTo,
            String emailSignature,
            String ticketNumberPrefix,
            String ticketVisibility,
            String logoUrl,
            Instant updatedAt,
            int version) {

        static SettingsView of(WorkspaceSettings s) {
            return new SettingsView(
                    s.name(),
                    s.timeZone(),
                    s.defaultLanguage(),
                    s.supportUrl(),
                    s.emailFromName(),
                    s.emailReplyTo(),
                    s.emailSignature(),
                    s.ticketNumberPrefix(),
                    s.ticketVisibility().name(),
                    s.logoType() == null ? null : "/api/v1/settings/logo",
                    s.updatedAt(),
                    s.version());
        }
    }

    @Operation(summary = "The workspace's settings (defaults until an admin saves them)")
    @Callers({ADMIN, AGENT})
    @GetMapping
    SettingsView get() {
        return SettingsView.of(settings.current());
    }

    @Operation(summary = "Replaces the workspace's settings; omitted time zone, language, prefix, visibility reset")
    @Callers(ADMIN)
    @PutMapping
    SettingsView update(@Valid @RequestBody SettingsRequest request) {
        return SettingsView.of(settings.change(request.toChanges()));
    }

    @Operation(summary = "Replaces the workspace's logo: a PNG, JPEG or WebP image of at most 1 MB, as part 'logo'")
    @Callers(ADMIN)
    @PutMapping(value = "/logo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    SettingsView changeLogo(@RequestParam("logo") MultipartFile upload) throws IOException {
        return SettingsView.of(logo.change(upload.getBytes()));
    }

    @Callers({ADMIN, AGENT})
    @GetMapping("/logo")
    ResponseEntity<byte[]> logo() {
        WorkspaceLogo.Logo current = logo.current();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(current.mediaType()))
                .cacheControl(CacheControl.noCache())
                .body(current.content());
    }
}
