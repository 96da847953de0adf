-- Outbound mail of every workspace, rendered and waiting for SMTP: one row per mail, sent once, retried with backoff
-- while the server refuses, never dropped. Senders claim rows with "for update skip locked".
create table mail_outbox (
    id              uuid primary key,
    tenant_slug     text,
    kind            text        not null,
    message_id      text        not null unique,
    from_address    text        not null,
    from_name       text,
    recipient       text        not null,
    reply_to        text,
    subject         text        not null,
    body_text       text        not null,
    body_html       text        not null,
    in_reply_to     text,
    references_ids  text,
    auto_submitted  boolean     not null default true,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz
);
create index mail_outbox_due on mail_outbox (next_attempt_at) where status = 'PENDING';
