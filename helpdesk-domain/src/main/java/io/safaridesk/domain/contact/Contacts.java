package io.safaridesk.domain.contact;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import io.safaridesk.platform.i18n.LanguageTag;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The contacts (customers) of the workspace in context. */
@Component
@Transactional
public class Contacts {

    private final ContactRepository repository;
    private final Clock clock;

    Contacts(ContactRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * What an agent sets on a contact. {@code language} (null for the workspace's default) is the language of the mail
     * the contact gets; {@code emailUpdates} false stops the mails about their tickets' status. {@code version} guards
     * against lost updates when given.
     */
    public record Details(
            String name,
            String email,
            String phone,
            String organisation,
            List<String> tags,
            LanguageTag language,
            boolean emailUpdates,
            Integer version) {

        public Details {
            email = email.trim().toLowerCase(Locale.ROOT);
            tags = tags == null
                    ? List.of()
                    : tags.stream()
                            .map(String::trim)
                            .filter(t -> !t.isEmpty())
                            .distinct()
                            .toList();
        }
    }

    /** A page query: free text over name, email and organisation, an optional tag, after a keyset id. */
    public record Query(String text, String tag, long afterId, int limit) {}

    @Transactional(readOnly = true)
    public List<Contact> search(Query query) {
        String text = query.text() == null ? "" : query.text().trim();
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String tag = query.tag() == null || query.tag().isBlank()
                ? null
                : query.tag().trim();
        return repository.search(query.afterId(), pattern, tag, query.limit());
    }

    @Transactional(readOnly = true)
    public Contact get(long id) {
        return repository.findById(id).orElseThrow(() -> ContactNotFound.forId(id));
    }

    /**
     * The contacts with these ids, by id; ids of no contact are left out. One contact (a ticket's requester) is looked
     * up by id, which costs no query when the transaction has loaded it already (a new ticket's requester); several in
     * one query. ({@code Session.findMultiple} would check the session for each, but builds its SQL on every call.)
     */
    @Transactional(readOnly = true)
    public Map<Long, Contact> byIds(Collection<Long> ids) {
        List<Contact> found = ids.size() == 1
                ? repository.findById(ids.iterator().next()).stream().toList()
                : repository.findAllById(ids);
        return found.stream().collect(Collectors.toMap(Contact::id, Function.identity()));
    }

    public Contact create(Details details) {
        if (repository.existsByEmailIgnoreCase(details.email())) {
            throw ContactEmailTaken.forEmail(details.email());
        }
        return repository.saveAndFlush(Contact.create(details, clock.instant()));
    }

    public Contact update(long id, Details details) {
        Contact contact = get(id);
        if (details.version() != null && details.version() != contact.version()) {
            throw new ObjectOptimisticLockingFailureException(Contact.class, id);
        }
        if (repository.existsByEmailIgnoreCaseAndIdNot(details.email(), id)) {
            throw ContactEmailTaken.forEmail(details.email());
        }
        contact.update(details, clock.instant());
        return repository.saveAndFlush(contact);
    }

    /** Deletes a contact that no ticket refers to; one with tickets (as requester or author) is 409. */
    public void delete(long id) {
        Contact contact = get(id);
        if (repository.hasTickets(id)) {
            throw new ContactHasTickets(id);
        }
        repository.delete(contact);
    }

    /** The contact is the requester or an author of tickets, which must keep it. */
    public static final class ContactHasTickets extends ApiProblem {
        ContactHasTickets(long id) {
            super(
                    org.springframework.http.HttpStatus.CONFLICT,
                    "contact-has-tickets",
                    "Contact " + id + " has tickets; they keep their requester, so it cannot be deleted");
        }
    }

    /**
     * The contact with this email address, made now from name and phone if the workspace has none: requesters are
     * deduplicated by email, ignoring case, also when two tickets from a new address arrive at once.
     */
    public Contact requester(String name, String email, String phone) {
        String address = email.trim().toLowerCase(Locale.ROOT);
        return repository.findByEmailIgnoreCase(address).orElseGet(() -> {
            repository.insertIfAbsent(name == null || name.isBlank() ? address : name.trim(), address, phone);
            return repository.findByEmailIgnoreCase(address).orElseThrow();
        });
    }

    /**
     * The contact a portal user acts as: the one linked to the user, else (for a verified address only) the contact
     * with the user's email, linked now, made if needed. Answers empty when the address is unverified.
     */
    public Optional<Contact> forPortalUser(String userId, String name, String email, boolean emailVerified) {
        Optional<Contact> linked = repository.findByUserId(userId);
        if (linked.isPresent() || !emailVerified || email == null) {
            return linked;
        }
        Contact contact = requester(name, email, null);
        if (contact.userId() != null) {
            return Optional.empty();
        }
        contact.invited(userId, clock.instant());
        return Optional.of(repository.saveAndFlush(contact));
    }

    /** Records that the contact was invited to the portal as realm user {@code userId}. */
    public Contact invited(long id, String userId) {
        Contact contact = get(id);
        contact.invited(userId, clock.instant());
        return repository.saveAndFlush(contact);
    }

    /** No contact with this id in the workspace. */
    public static final class ContactNotFound extends ApiProblem {
        private ContactNotFound(long id) {
            super(HttpStatus.NOT_FOUND, "contact-not-found", "No contact " + id);
        }

        static ContactNotFound forId(long id) {
            return new ContactNotFound(id);
        }
    }

    /** Contacts are deduplicated by email address, ignoring case. */
    public static final class ContactEmailTaken extends ApiProblem {
        private ContactEmailTaken(String email) {
            super(
                    HttpStatus.CONFLICT,
                    "contact-email-taken",
                    "A contact with email " + email + " exists",
                    List.of(new FieldProblem("email", "belongs to another contact")));
        }

        static ContactEmailTaken forEmail(String email) {
            return new ContactEmailTaken(email);
        }
    }

    /** The contact has a portal account already. */
    public static final class ContactAlreadyInvited extends ApiProblem {
        private ContactAlreadyInvited(long id) {
            super(HttpStatus.CONFLICT, "contact-already-invited", "Contact " + id + " was invited already");
        }

        static ContactAlreadyInvited forId(long id) {
            return new ContactAlreadyInvited(id);
        }
    }
}
