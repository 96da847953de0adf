-- The workspace's own mailboxes, read over IMAP by the worker. Mail is left on the server: the worker remembers the
-- folder's UIDVALIDITY and the last UID it handled, and resumes after it. The password is AES-GCM sealed (SecretBox).
-- A worker replica holds a mailbox by a lease it renews while it reads it, so two replicas never read the same one.
create table mailboxes (
    id            bigint generated always as identity primary key,
    name          text        not null,
    address       text        not null,
    imap_host     text        not null,
    imap_port     integer     not null check (imap_port between 1 and 65535),
    imap_tls      boolean     not null default true,
    username      text        not null,
    password      text        not null,
    folder        text        not null default 'INBOX',
    enabled       boolean     not null default true,
    uid_validity  bigint,
    last_uid      bigint      not null default 0,
    last_polled_at timestamptz,
    last_error    text,
    leased_by     text,
    lease_until   timestamptz,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       integer     not null default 0
);
create unique index mailboxes_address on mailboxes (lower(address));

-- Every mail the worker took in for this workspace and what became of it: the rule that decided (IN_REPLY_TO,
-- PLUS_ADDRESS, NEW_TICKET, REFUSED_BOUNCE, ...), the ticket and message it went to, and the raw MIME in the file store.
create table inbound_mails (
    id                bigint generated always as identity primary key,
    mailbox_id        bigint      references mailboxes (id) on delete set null,
    message_id        text        not null,
    from_address      text,
    subject           text,
    rule              text        not null,
    ticket_id         bigint      references tickets (id) on delete set null,
    ticket_message_id bigint      references ticket_messages (id) on delete set null,
    related_ticket_id bigint      references tickets (id) on delete set null,
    raw_storage_key   text,
    detail            text,
    received_at       timestamptz not null default now()
);
-- each mail is taken in once; duplicates and failures are logged beside it
create unique index inbound_mails_message_id on inbound_mails (message_id) where rule not in ('DUPLICATE', 'FAILED');
create index inbound_mails_sender on inbound_mails (lower(from_address), received_at);
create index inbound_mails_ticket on inbound_mails (ticket_id);

-- People on a ticket's mail thread besides its requester (CC'd on a mail that was taken in): their replies count.
create table ticket_participants (
    ticket_id  bigint      not null references tickets (id) on delete cascade,
    email      text        not null check (email = lower(email)),
    contact_id bigint      references contacts (id) on delete set null,
    added_at   timestamptz not null default now(),
    primary key (ticket_id, email)
);

-- A ticket made from mail that answered another ticket: a non-participant's reply, or a reply to a closed ticket.
create table ticket_links (
    ticket_id         bigint      not null references tickets (id) on delete cascade,
    linked_ticket_id  bigint      not null references tickets (id) on delete cascade,
    kind              text        not null check (kind in ('NON_PARTICIPANT_REPLY', 'FOLLOW_UP')),
    created_at        timestamptz not null default now(),
    primary key (ticket_id, linked_ticket_id)
);

-- How inbound mail is taken in (one row): what a non-participant's reply becomes, and the per-sender rate limit.
create table inbound_settings (
    id                    smallint primary key default 1 check (id = 1),
    non_participant       text        not null default 'NEW_TICKET' check (non_participant in ('NEW_TICKET', 'NOTE')),
    sender_limit_per_hour integer     not null default 20 check (sender_limit_per_hour between 1 and 100000),
    updated_at            timestamptz not null default now(),
    version               integer     not null default 0
);
insert into inbound_settings default values;
