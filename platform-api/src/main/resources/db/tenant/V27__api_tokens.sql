-- Service tokens for integrations: the secret is never stored, only its SHA-256 (the secret is 256 random bits, so a
-- fast hash is enough: there is nothing to guess). A revoked token keeps its row, so the list still says who made it
-- and when it was last used.
create table api_tokens (
    id              bigint generated always as identity primary key,
    name            text        not null,
    scopes          text[]      not null,
    secret_hash     bytea       not null,
    created_by      text        not null,
    created_by_name text,
    created_at      timestamptz not null default now(),
    expires_at      timestamptz not null,
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    revoked_by      text
);
