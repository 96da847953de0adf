package io.safaridesk.worker.inbound;

import io.micrometer.core.instrument.Counter;
import io.safaridesk.domain.inbound.ImapAccount;
import io.safaridesk.domain.inbound.ImapConnection;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one IMAP folder for as long as it runs: takes in every mail after the last UID it recorded (in UID order,
 * recording each one's UID after it was taken in), then waits for new mail with IDLE where the server offers it
 * (re-issued every {@code maxIdle}) or sleeps {@code pollInterval}. Mail is read with a read-only folder and never
 * changed or deleted on the server. A new UIDVALIDITY makes it read the folder from the start (Message-IDs already
 * taken in are only logged as duplicates). It reads only while it holds the mailbox's lease; a connection failure
 * is recorded and retried after {@code pollInterval}.
 */
final class MailboxReader implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(MailboxReader.class);
    /** Mails fetched whole in one IMAP command; each is then taken in and its UID recorded one by one. */
    private static final int FETCH_BATCH = 50;

    private static final ScheduledExecutorService WAKER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("imap-idle-waker").factory());

    /** Where reading stands, kept by the mailbox's owner (a workspace mailbox or the catch-all). */
    interface Position {
        /** Takes or renews the lease and answers where reading resumes; empty while another reader holds it. */
        Optional<Cursor> claim();

        /** Records that mail up to {@code uid} was taken in; false when the lease was lost. */
        boolean advance(long uidValidity, long uid);

        /** Records the outcome of a round (null: it went well). */
        void polled(String error);

        void release();
    }

    /** The folder's UIDVALIDITY as last seen (null: never read) and the last UID taken in. */
    record Cursor(Long uidValidity, long lastUid) {}

    /** Takes in one raw mail. */
    interface Sink {
        void take(byte[] raw);
    }

    private final String name;
    private final ImapAccount account;
    private final Position position;
    private final Sink sink;
    private final InboundProperties properties;
    private final Counter errors;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile boolean stopped;
    private volatile IMAPStore store;

    MailboxReader(
            String name,
            ImapAccount account,
            Position position,
            Sink sink,
            InboundProperties properties,
            Counter errors) {
        this.name = name;
        this.account = account;
        this.position = position;
        this.sink = sink;
        this.properties = properties;
        this.errors = errors;
    }

    @Override
    public void run() {
        while (!stopped) {
            Optional<Cursor> cursor = position.claim();
            if (cursor.isEmpty()) {
                sleep(properties.pollInterval());
                continue;
            }
            try (IMAPStore connected = ImapConnection.connect(account)) {
                store = connected;
                IMAPFolder folder = (IMAPFolder) connected.getFolder(account.folder());
                folder.open(Folder.READ_ONLY);
                boolean idle = properties.idle() && connected.hasCapability("IDLE");
                log.info("Reading {} ({}), {}", name, account, idle ? "IDLE" : "polling");
                readWhileLeased(folder, cursor.get(), idle);
            } catch (MessagingException | RuntimeException e) {
                if (stopped) {
                    break;
                }
                errors.increment();
                log.warn("Reading {} failed: {}; retrying in {}", name, e.toString(), properties.pollInterval());
                safely(() -> position.polled(e.toString()));
                sleep(properties.pollInterval());
            } finally {
                store = null;
            }
        }
        safely(position::release);
    }

    private void readWhileLeased(IMAPFolder folder, Cursor cursor, boolean idle) throws MessagingException {
        Cursor at = cursor;
        while (!stopped) {
            int announced;
            do {
                // mail announced while reading (an EXISTS answered along with a FETCH) is read now: IDLE reports
                // only what arrives after it starts
                announced = folder.getMessageCount();
                at = readNew(folder, at);
            } while (!stopped && folder.getMessageCount() != announced);
            position.polled(null);
            if (idle) {
                idle(folder);
            } else {
                sleep(properties.pollInterval());
            }
            Optional<Cursor> renewed = position.claim();
            if (renewed.isEmpty()) {
                return;
            }
        }
    }

    private Cursor readNew(IMAPFolder folder, Cursor cursor) throws MessagingException {
        long validity = folder.getUIDValidity();
        long after = cursor.uidValidity() != null && cursor.uidValidity() == validity ? cursor.lastUid() : 0;
        Message[] messages = folder.getMessagesByUID(after + 1, UIDFolder.MAXUID);
        FetchProfile whole = new FetchProfile();
        whole.add(UIDFolder.FetchProfileItem.UID);
        whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
        long last = after;
        for (int from = 0; from < messages.length && !stopped; from += FETCH_BATCH) {
            Message[] batch = Arrays.copyOfRange(messages, from, Math.min(messages.length, from + FETCH_BATCH));
            folder.fetch(batch, whole);
            last = take(folder, batch, validity, after, last);
        }
        return new Cursor(validity, last);
    }

    private long take(IMAPFolder folder, Message[] messages, long validity, long after, long last)
            throws MessagingException {
        for (Message message : messages) {
            long uid = folder.getUID(message);
            if (uid <= after || stopped) {
                continue;
            }
            sink.take(bytes(message));
            if (!position.advance(validity, uid)) {
                throw new IllegalStateException("lost the lease of " + name);
            }
            last = uid;
        }
        return last;
    }

    /** Waits for the server to announce mail; a timer interrupts the wait after {@code maxIdle}. */
    private void idle(IMAPFolder folder) throws MessagingException {
        ScheduledFuture<?> wake = WAKER.schedule(
                () -> safely(() -> {
                    try {
                        folder.doCommand(protocol -> {
                            protocol.simpleCommand("NOOP", null);
                            return null;
                        });
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }),
                properties.maxIdle().toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            folder.idle(true);
        } finally {
            wake.cancel(false);
        }
    }

    /** Stops reading: an IDLE or a read in progress ends with the connection. */
    void stop() {
        stopped = true;
        stopSignal.countDown();
        IMAPStore current = store;
        if (current != null) {
            safely(() -> {
                try {
                    current.close();
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static byte[] bytes(Message message) throws MessagingException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new MessagingException("Could not read message", e);
        }
    }

    /** Waits, or less when stopped: a mail being taken in is never interrupted, so it commits or rolls back whole. */
    private void sleep(Duration duration) {
        try {
            stopSignal.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    private static void safely(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.debug("Ignored: {}", e.toString());
        }
    }
}
