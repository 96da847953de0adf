package io.safaridesk.helpdesk.inbound.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;

import io.safaridesk.domain.inbound.ImapConnection;
import io.safaridesk.domain.inbound.MailboxDraft;
import io.safaridesk.domain.inbound.MailboxView;
import io.safaridesk.domain.inbound.Mailboxes;
import io.safaridesk.helpdesk.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Callers(ADMIN)
@Tag(name = "Inbound mail")
@RestController
@RequestMapping("/api/v1/settings/mailboxes")
class MailboxController {

    private final Mailboxes mailboxes;

    MailboxController(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    record MailboxRequest(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Email @Size(max = 254) String address,

            @NotBlank @Size(max = 253) @Pattern(regexp = "^[A-Za-z0-9.:\\[\\]-]+$", message = "is not a host name")
            String host,

            @NotNull @Min(1) @Max(65535) Integer port,
            Boolean tls,
            @NotBlank @Size(max = 254) String username,
            @Size(max = 500) String password,
            @Size(max = 200) String folder,
            Boolean enabled,
            Integer version) {

        MailboxDraft toDraft() {
            return new MailboxDraft(
                    name,
                    address,
                    host,
                    port,
                    tls == null || tls,
                    username.strip(),
                    password,
                    folder,
                    enabled == null || enabled,
                    version);
        }
    }

    record ProbeView(boolean ok, Integer messages, boolean idle, String error) {

        static ProbeView of(ImapConnection.Probe probe) {
            return new ProbeView(probe.ok(), probe.messages(), probe.idle(), probe.error());
        }
    }

    @Operation(summary = "The workspace's mailboxes the worker reads (never their passwords)")
    @GetMapping
    List<MailboxView> list() {
        return mailboxes.list();
    }

    @Operation(summary = "One mailbox, with where reading stands (last UID, last poll, last error)")
    @GetMapping("/{id}")
    MailboxView get(@PathVariable long id) {
        return mailboxes.get(id);
    }

    @Operation(summary = "Adds a mailbox; the password is stored AES-GCM sealed and never shown")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MailboxView create(@Valid @RequestBody MailboxRequest request) {
        return mailboxes.create(request.toDraft());
    }

    @Operation(
            summary = "Changes a mailbox; an omitted password keeps the stored one; another server, user or folder"
                    + " is read from its start")
    @PutMapping("/{id}")
    MailboxView update(@PathVariable long id, @Valid @RequestBody MailboxRequest request) {
        return mailboxes.update(id, request.toDraft());
    }

    @Operation(summary = "Removes a mailbox (its log entries stay)")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        mailboxes.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Logs in to the mailbox now: ok, messages in the folder, IDLE offered, or the server's error")
    @PostMapping("/{id}/test")
    ProbeView test(@PathVariable long id) {
        return ProbeView.of(mailboxes.test(id));
    }
}
