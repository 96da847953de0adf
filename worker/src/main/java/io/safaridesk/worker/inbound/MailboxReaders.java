package io.safaridesk.worker.inbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.safaridesk.domain.inbound.ImapAccount;
import io.safaridesk.domain.inbound.Mailboxes;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantDirectory;
import io.safaridesk.platform.tenancy.TenantSchemas;
import io.safaridesk.platform.tenancy.TenantSlug;
import jakarta.annotation.PreDestroy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs one {@link MailboxReader} (on a virtual thread) per enabled mailbox of every active workspace, plus one for
 * the platform's catch-all when it is configured. Every {@code refreshInterval} it starts readers for new mailboxes
 * and stops those of mailboxes that were disabled, deleted or changed (a changed one starts again with its new
 * settings). Each worker replica runs readers for all mailboxes; leases make only one of them read a mailbox.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "safaridesk.inbound.enabled", havingValue = "true", matchIfMissing = true)
class MailboxReaders {

    private static final Logger log = LoggerFactory.getLogger(MailboxReaders.class);

    private final TenantDirectory directory;
    private final TenantSchemas schemas;
    private final Mailboxes mailboxes;
    private final MailboxPositions positions;
    private final InboundMails inbound;
    private final InboundProperties properties;
    private final Counter readerErrors;
    private final String owner = "worker-" + UUID.randomUUID();
    private final Map<String, MailboxReader> running = new HashMap<>();

    MailboxReaders(
            TenantDirectory directory,
            TenantSchemas schemas,
            Mailboxes mailboxes,
            MailboxPositions positions,
            InboundMails inbound,
            InboundProperties properties,
            MeterRegistry meters) {
        this.directory = directory;
        this.schemas = schemas;
        this.mailboxes = mailboxes;
        this.positions = positions;
        this.inbound = inbound;
        this.properties = properties;
        this.readerErrors = meters.counter("safaridesk.mailbox.reader.errors");
    }

    @Scheduled(fixedDelayString = "${safaridesk.inbound.refresh-interval:30s}")
    synchronized void refresh() {
        Set<String> wanted = new HashSet<>();
        InboundProperties.CatchAll catchAll = properties.catchAll();
        if (catchAll.configured()) {
            ImapAccount account = new ImapAccount(
                    catchAll.host(),
                    catchAll.port(),
                    catchAll.tls(),
                    catchAll.username(),
                    catchAll.password(),
                    catchAll.folder());
            String key = "catch-all:" + account + ":" + catchAll.address();
            wanted.add(key);
            String address = catchAll.address() == null ? catchAll.username() : catchAll.address();
            start(
                    key,
                    "the catch-all mailbox",
                    account,
                    positions.catchAll(address, owner),
                    raw -> inbound.take(InboundMails.Source.catchAll(), raw));
        }
        for (TenantSlug workspace : directory.activeSlugs()) {
            try {
                if (!schemas.exists(workspace)) {
                    continue;
                }
                for (Mailboxes.Polled mailbox : TenantContext.callAs(workspace, mailboxes::enabled)) {
                    String key = workspace.value() + ":" + mailbox.id() + ":" + mailbox.account() + ":"
                            + mailbox.account().tls() + ":"
                            + mailbox.account().password().hashCode();
                    wanted.add(key);
                    start(
                            key,
                            "mailbox " + mailbox.address() + " of " + workspace.value(),
                            mailbox.account(),
                            positions.of(workspace, mailbox.id(), owner),
                            raw -> inbound.take(new InboundMails.Source(workspace, mailbox.id()), raw));
                }
            } catch (RuntimeException e) {
                log.warn("Could not list the mailboxes of {}: {}", workspace.value(), e.toString());
                running.keySet().stream()
                        .filter(key -> key.startsWith(workspace.value() + ":"))
                        .forEach(wanted::add);
            }
        }
        for (String key : Set.copyOf(running.keySet())) {
            if (!wanted.contains(key)) {
                stop(key);
            }
        }
    }

    private void start(
            String key, String name, ImapAccount account, MailboxReader.Position position, MailboxReader.Sink sink) {
        if (running.containsKey(key)) {
            return;
        }
        MailboxReader reader = new MailboxReader(name, account, position, sink, properties, readerErrors);
        Thread.ofVirtual().name("imap-" + name).start(reader);
        running.put(key, reader);
    }

    private void stop(String key) {
        running.remove(key).stop();
    }

    @PreDestroy
    synchronized void stopAll() {
        Set.copyOf(running.keySet()).forEach(this::stop);
    }
}
