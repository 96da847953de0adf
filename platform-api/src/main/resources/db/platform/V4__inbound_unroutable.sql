-- Mail of the platform's catch-all mailbox that names no workspace (no valid plus token): kept whole for an operator.
create table inbound_unroutable (
    id           bigint generated always as identity primary key,
    message_id   text        not null,
    from_address text,
    recipients   text,
    subject      text,
    reason       text        not null,
    raw_mime     bytea       not null,
    received_at  timestamptz not null default now()
);
create unique index inbound_unroutable_message_id on inbound_unroutable (message_id);

-- Where the worker stands in the catch-all mailbox (one row per mailbox address): resumed after the last UID.
create table inbound_catch_all (
    address      text primary key,
    uid_validity bigint,
    last_uid     bigint      not null default 0,
    leased_by    text,
    lease_until  timestamptz,
    updated_at   timestamptz not null default now()
);
