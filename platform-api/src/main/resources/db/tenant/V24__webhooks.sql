-- Webhook subscriptions of the workspace: a target URL, the event types it wants, its signing secret (AES-GCM sealed)
-- and, during a rotation, the previous secret until the overlap ends.
create table webhook_subscriptions (
    id                    bigint generated always as identity primary key,
    url                   text        not null,
    description           text,
    event_types           text[]      not null,
    secret                text        not null,
    previous_secret       text,
    previous_secret_until timestamptz,
    enabled               boolean     not null default true,
    disabled_reason       text,
    created_by            text,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    version               integer     not null default 0
);

-- One event for one subscription: the body fixed when the event came (redeliveries sign the same body under the same
-- webhook-id), retried with backoff while PENDING; the last attempt's outcome is the delivery log.
create table webhook_deliveries (
    id               bigint generated always as identity primary key,
    subscription_id  bigint      not null references webhook_subscriptions (id) on delete cascade,
    message_id       text        not null,
    event_type       text        not null,
    payload          text        not null,
    status           text        not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz,
    last_status      integer,
    last_error       text,
    latency_ms       integer,
    response_excerpt text,
    created_at       timestamptz not null default now(),
    last_attempt_at  timestamptz,
    delivered_at     timestamptz
);
create unique index webhook_deliveries_message on webhook_deliveries (subscription_id, message_id);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'PENDING';
create index webhook_deliveries_subscription on webhook_deliveries (subscription_id, id);
