-- Whether our automatic mail (an acknowledgement) may answer a mail taken in: not when it came through a mailing list
-- (RFC 3834). A ticket opened by such a mail gets no acknowledgement.
alter table inbound_mails add column auto_reply boolean not null default true;

-- Addresses of mailing lists we received mail through (List-Post, or the list's rewritten From): automatic mail of
-- ours never goes to them.
create table mail_lists (
    address      text        primary key check (address = lower(address)),
    list_id      text,
    last_seen_at timestamptz not null default now()
);

-- Mail held for an admin instead of being refused silently (a stranger on a closed ticket, a flood, a suspected
-- auto-reply): the reason, what it would have become (its reply and new-ticket bodies, the ticket it answered) and the
-- original in the file store. Released or deleted by an admin, or deleted after the retention period.
create table inbound_reviews (
    id              bigint generated always as identity primary key,
    inbound_mail_id bigint      references inbound_mails (id) on delete set null,
    message_id      text        not null,
    from_address    text        not null,
    from_name       text,
    subject         text        not null,
    reason          text        not null check (reason in ('NON_PARTICIPANT_ON_CLOSED_TICKET', 'FLOOD',
                                                           'SUSPECTED_AUTO_REPLY')),
    detail          text,
    ticket_id       bigint      references tickets (id) on delete set null,
    new_ticket_html text        not null,
    reply_html      text        not null,
    raw_storage_key text,
    received_at     timestamptz not null default now()
);
create index inbound_reviews_received on inbound_reviews (received_at);
