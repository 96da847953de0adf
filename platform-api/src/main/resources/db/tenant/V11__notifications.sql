-- In-app notifications of a workspace's staff, newest first per recipient (the realm user id of the token).
create table notifications (
    id                bigint generated always as identity primary key,
    recipient_user_id text        not null,
    kind              text        not null,
    ticket_id         bigint references tickets (id) on delete cascade,
    title             text        not null,
    body              text        not null default '',
    read_at           timestamptz,
    created_at        timestamptz not null default now()
);
create index notifications_recipient on notifications (recipient_user_id, id);
create index notifications_unread on notifications (recipient_user_id) where read_at is null;

-- What a user wants to hear about, and how. Every kind is on until switched off, so new kinds reach everyone.
create table notification_preferences (
    user_id        text primary key,
    email_off      text[]      not null default '{}',
    in_app_off     text[]      not null default '{}',
    quiet_start    time,
    quiet_end      time,
    time_zone      text,
    updated_at     timestamptz not null default now(),
    version        integer     not null default 0
);

-- Messages a consumer has handled, written in the handler's own transaction: a redelivery finds its row and stops.
create table processed_messages (
    consumer     text        not null,
    message_id   uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, message_id)
);

-- The mail thread of a ticket with its requester: every Message-ID sent (and, later, received), oldest first.
create table ticket_email_messages (
    id         bigint generated always as identity primary key,
    ticket_id  bigint      not null references tickets (id) on delete cascade,
    message_id text        not null,
    direction  text        not null check (direction in ('OUTBOUND', 'INBOUND')),
    created_at timestamptz not null default now()
);
create unique index ticket_email_messages_message_id on ticket_email_messages (message_id);
create index ticket_email_messages_ticket on ticket_email_messages (ticket_id, id);

-- The workspace's own SMTP server (one row, or none for the platform's); the password is AES-GCM sealed.
create table mail_settings (
    id              smallint primary key default 1 check (id = 1),
    smtp_host       text        not null,
    smtp_port       integer     not null check (smtp_port between 1 and 65535),
    smtp_username   text,
    smtp_password   text,
    smtp_starttls   boolean     not null default true,
    from_address    text,
    updated_at      timestamptz not null default now(),
    version         integer     not null default 0
);
