package io.safaridesk.domain.inbound;

import io.safaridesk.domain.mail.SecretBox;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.error.FieldProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mailboxes of the workspace in context that the worker reads over IMAP. Admins manage them (the password is
 * sealed with {@link SecretBox} and never shown); the worker leases one at a time per replica and records where it
 * stands (UIDVALIDITY and the last UID taken in).
 */
@Component
@Transactional
public class Mailboxes {

    private final MailboxRepository repository;
    private final SecretBox box;
    private final Clock clock;

    Mailboxes(MailboxRepository repository, SecretBox box, Clock clock) {
        this.repository = repository;
        this.box = box;
        this.clock = clock;
    }

    /** A mailbox the worker reads: its account (password opened) and where reading resumes. */
    public record Polled(long id, String address, ImapAccount account, Long uidValidity, long lastUid) {}

    @Transactional(readOnly = true)
    public List<MailboxView> list() {
        return repository.findAllByOrderByIdAsc().stream().map(Mailbox::view).toList();
    }

    @Transactional(readOnly = true)
    public MailboxView get(long id) {
        return find(id).view();
    }

    public MailboxView create(MailboxDraft draft) {
        if (draft.password() == null || draft.password().isEmpty()) {
            throw ApiProblem.invalidField("password", "is required for a new mailbox");
        }
        checkAddressFree(draft.address(), null);
        Mailbox mailbox = Mailbox.create(clock.instant());
        mailbox.change(draft, box.seal(draft.password()), clock.instant());
        return repository.saveAndFlush(mailbox).view();
    }

    public MailboxView update(long id, MailboxDraft draft) {
        Mailbox mailbox = find(id);
        if (draft.version() != null && draft.version() != mailbox.version()) {
            throw new ObjectOptimisticLockingFailureException(Mailbox.class, id);
        }
        checkAddressFree(draft.address(), id);
        String sealed = draft.password() == null || draft.password().isEmpty() ? null : box.seal(draft.password());
        mailbox.change(draft, sealed, clock.instant());
        return repository.saveAndFlush(mailbox).view();
    }

    public void delete(long id) {
        repository.delete(find(id));
    }

    /** Logs in to the mailbox now and answers what the server said; nothing is read or changed. */
    @Transactional(readOnly = true)
    public ImapConnection.Probe test(long id) {
        Mailbox mailbox = find(id);
        return ImapConnection.probe(mailbox.account(box.open(mailbox.sealedPassword())));
    }

    /** The enabled mailboxes, with their accounts, for the worker. */
    @Transactional(readOnly = true)
    public List<Polled> enabled() {
        return repository.findByEnabledTrueOrderByIdAsc().stream()
                .map(this::polled)
                .toList();
    }

    /** The mailbox if it is still enabled, as it now stands. */
    @Transactional(readOnly = true)
    public Optional<Polled> enabled(long id) {
        return repository.findById(id).filter(Mailbox::enabled).map(this::polled);
    }

    /** Takes or renews this owner's lease; false when another replica holds the mailbox or it is disabled or gone. */
    public boolean lease(long id, String owner, Duration duration) {
        Instant now = clock.instant();
        return repository.lease(id, owner, now, now.plus(duration)) == 1;
    }

    public void release(long id, String owner) {
        repository.release(id, owner);
    }

    /** Records that mail up to {@code lastUid} was taken in; false when the owner lost its lease. */
    public boolean advance(long id, String owner, long uidValidity, long lastUid) {
        return repository.advance(id, owner, uidValidity, lastUid) == 1;
    }

    /** Records a read of the mailbox and its error (null when it went well), for admins to see. */
    public void polled(long id, String error) {
        repository.polled(id, clock.instant(), error);
    }

    private Polled polled(Mailbox mailbox) {
        MailboxView view = mailbox.view();
        return new Polled(
                mailbox.id(),
                mailbox.address(),
                mailbox.account(box.open(mailbox.sealedPassword())),
                view.uidValidity(),
                view.lastUid());
    }

    private Mailbox find(long id) {
        return repository.findById(id).orElseThrow(() -> MailboxNotFound.forId(id));
    }

    private void checkAddressFree(String address, Long self) {
        repository
                .findByAddress(address)
                .filter(other -> !other.id().equals(self))
                .ifPresent(other -> {
                    throw MailboxAddressTaken.forAddress(address);
                });
    }

    /** No mailbox with this id in the workspace. */
    public static final class MailboxNotFound extends ApiProblem {
        private MailboxNotFound(long id) {
            super(HttpStatus.NOT_FOUND, "mailbox-not-found", "No mailbox " + id);
        }

        static MailboxNotFound forId(long id) {
            return new MailboxNotFound(id);
        }
    }

    /** Another mailbox of the workspace has this address. */
    public static final class MailboxAddressTaken extends ApiProblem {
        private MailboxAddressTaken(String address) {
            super(
                    HttpStatus.CONFLICT,
                    "mailbox-address-taken",
                    "Another mailbox has the address " + address,
                    List.of(new FieldProblem("address", "is taken by another mailbox")));
        }

        static MailboxAddressTaken forAddress(String address) {
            return new MailboxAddressTaken(address);
        }
    }
}
