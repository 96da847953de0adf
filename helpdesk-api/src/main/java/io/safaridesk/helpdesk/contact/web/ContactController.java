package io.safaridesk.helpdesk.contact.web;

import static io.safaridesk.domain.apitoken.ApiScope.CONTACTS_READ;
import static io.safaridesk.domain.apitoken.ApiScope.CONTACTS_WRITE;
import static io.safaridesk.helpdesk.security.Caller.ADMIN;
import static io.safaridesk.helpdesk.security.Caller.AGENT;

import io.safaridesk.domain.contact.Contact;
import io.safaridesk.domain.contact.Contacts;
import io.safaridesk.helpdesk.contact.ContactInvitations;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.i18n.LanguageTag;
import io.safaridesk.platform.web.Cursor;
import io.safaridesk.platform.web.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Contacts")
@RestController
@RequestMapping("/api/v1/contacts")
@Validated
class ContactController {

    private final Contacts contacts;
    private final ContactInvitations invitations;

    ContactController(Contacts contacts, ContactInvitations invitations) {
        this.contacts = contacts;
        this.invitations = invitations;
    }

    record ContactRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 50) String phone,
            @Size(max = 200) String organisation,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
            @Size(max = 35) String language,
            Boolean emailUpdates,
            Integer version) {

        Contacts.Details toDetails() {
            return new Contacts.Details(
                    name.trim(),
                    email,
                    phone,
                    organisation,
                    tags,
                    language == null || language.isBlank() ? null : LanguageTag.of("language", language),
                    emailUpdates == null || emailUpdates,
                    version);
        }
    }

    record ContactView(
            long id,
            String name,
            String email,
            String phone,
            String organisation,
            List<String> tags,
            String userId,
            String language,
            boolean emailUpdates,
            Instant invitedAt,
            Instant createdAt,
            Instant updatedAt,
            int version) {

        static ContactView of(Contact c) {
            return new ContactView(
                    c.id(),
                    c.name(),
                    c.email(),
                    c.phone(),
                    c.organisation(),
                    c.tags(),
                    c.userId(),
                    c.language(),
                    c.emailUpdates(),
                    c.invitedAt(),
                    c.createdAt(),
                    c.updatedAt(),
                    c.version());
        }
    }

    @Operation(
            summary = "Contacts in id order, optionally matching q (name, email, organisation) and a tag;"
                    + " pass next_cursor back as cursor for the next page")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = CONTACTS_READ)
    @GetMapping
    KeysetPage<ContactView> list(
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @Size(max = 50) String tag,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit) {
        List<ContactView> items = contacts.search(new Contacts.Query(q, tag, Cursor.decodeId(cursor), limit)).stream()
                .map(ContactView::of)
                .toList();
        return KeysetPage.of(items, limit, ContactView::id);
    }

    @Callers(
            value = {ADMIN, AGENT},
            tokens = CONTACTS_READ)
    @GetMapping("/{id}")
    ContactView get(@PathVariable long id) {
        return ContactView.of(contacts.get(id));
    }

    @Callers(
            value = {ADMIN, AGENT},
            tokens = CONTACTS_WRITE)
    @PostMapping
    ResponseEntity<ContactView> create(@Valid @RequestBody ContactRequest request) {
        ContactView created = ContactView.of(contacts.create(request.toDetails()));
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + created.id()))
                .body(created);
    }

    @Callers(
            value = {ADMIN, AGENT},
            tokens = CONTACTS_WRITE)
    @PutMapping("/{id}")
    ContactView update(@PathVariable long id, @Valid @RequestBody ContactRequest request) {
        return ContactView.of(contacts.update(id, request.toDetails()));
    }

    @Callers(
            value = {ADMIN, AGENT},
            tokens = CONTACTS_WRITE)
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        contacts.delete(id);
    }

    @Operation(
            summary = "Invites the contact to the customer portal: a realm user with role customer gets Keycloak's"
                    + " invitation mail (verify email, set password)")
    @Callers(
            value = {ADMIN, AGENT},
            tokens = CONTACTS_WRITE)
    @PostMapping("/{id}/invite")
    ContactView invite(@PathVariable long id) {
        return ContactView.of(invitations.invite(id));
    }
}
