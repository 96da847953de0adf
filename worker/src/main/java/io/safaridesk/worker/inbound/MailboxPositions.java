package io.safaridesk.worker.inbound;

import io.safaridesk.domain.inbound.Mailboxes;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where each reader stands and who holds which mailbox: a workspace mailbox's row in its schema, the catch-all's row
 * in {@code platform.inbound_catch_all}. A lease names this worker ({@code owner}) and lasts
 * {@link InboundProperties#lease()}; a reader renews it every round, and another replica takes over a mailbox whose
 * lease ran out.
 */
@Component
class MailboxPositions {

    private final Mailboxes mailboxes;
    private final JdbcClient jdbc;
    private final InboundProperties properties;
    private final Clock clock;

    MailboxPositions(Mailboxes mailboxes, DataSource dataSource, InboundProperties properties, Clock clock) {
        this.mailboxes = mailboxes;
        this.jdbc = JdbcClient.create(dataSource);
        this.properties = properties;
        this.clock = clock;
    }

    MailboxReader.Position of(TenantSlug workspace, long mailboxId, String owner) {
        return new MailboxReader.Position() {
            @Override
            public Optional<MailboxReader.Cursor> claim() {
                return TenantContext.callAs(
                        workspace,
                        () -> mailboxes.lease(mailboxId, owner, properties.lease())
                                ? mailboxes
                                        .enabled(mailboxId)
                                        .map(m -> new MailboxReader.Cursor(m.uidValidity(), m.lastUid()))
                                : Optional.empty());
            }

            @Override
            public boolean advance(long uidValidity, long uid) {
                return TenantContext.callAs(workspace, () -> mailboxes.advance(mailboxId, owner, uidValidity, uid));
            }

            @Override
            public void polled(String error) {
                TenantContext.runAs(workspace, () -> mailboxes.polled(mailboxId, error));
            }

            @Override
            public void release() {
                TenantContext.runAs(workspace, () -> mailboxes.release(mailboxId, owner));
            }
        };
    }

    MailboxReader.Position catchAll(String address, String owner) {
        return new MailboxReader.Position() {
            @Override
            public Optional<MailboxReader.Cursor> claim() {
                Instant now = clock.instant();
                jdbc.sql("insert into platform.inbound_catch_all (address) values (?) on conflict do nothing")
                        .param(address)
                        .update();
                int leased = jdbc.sql("update platform.inbound_catch_all set leased_by = ?, lease_until = ?"
                                + " where address = ? and (leased_by is null or leased_by = ? or lease_until < ?)")
                        .params(
                                owner,
                                Timestamp.from(now.plus(properties.lease())),
                                address,
                                owner,
                                Timestamp.from(now))
                        .update();
                if (leased == 0) {
                    return Optional.empty();
                }
                return jdbc.sql("select uid_validity, last_uid from platform.inbound_catch_all where address = ?")
                        .param(address)
                        .query((rs, row) ->
                                new MailboxReader.Cursor(rs.getObject(1) == null ? null : rs.getLong(1), rs.getLong(2)))
                        .optional();
            }

            @Override
            public boolean advance(long uidValidity, long uid) {
                return jdbc.sql(
                                        "update platform.inbound_catch_all set uid_validity = ?, last_uid = ?, updated_at = now()"
                                                + " where address = ? and leased_by = ?")
                                .params(uidValidity, uid, address, owner)
                                .update()
                        == 1;
            }

            @Override
            public void polled(String error) {
                // the catch-all's errors are in the worker's log
            }

            @Override
            public void release() {
                jdbc.sql("update platform.inbound_catch_all set leased_by = null, lease_until = null"
                                + " where address = ? and leased_by = ?")
                        .params(address, owner)
                        .update();
            }
        };
    }
}
