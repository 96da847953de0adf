-- Customers and contacts: deduplicated by email, ignoring case; linked to a portal user once invited.
create table contacts (
    id           bigint generated always as identity primary key,
    name         text        not null,
    email        text        not null,
    phone        text,
    organisation text,
    tags         text[]      not null default '{}',
    user_id      text,
    invited_at   timestamptz,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    version      integer     not null default 0
);
create unique index contacts_email on contacts (lower(email));
create unique index contacts_user_id on contacts (user_id) where user_id is not null;
create index contacts_tags on contacts using gin (tags);

-- The helpdesk's data about a realm user (admin, agent or customer), keyed by the token's subject.
create table profiles (
    user_id      text primary key,
    name         text,
    email        text,
    phone        text,
    signature    text,
    availability text        not null default 'AVAILABLE'
        check (availability in ('AVAILABLE', 'AWAY', 'BUSY', 'OFFLINE')),
    time_zone    text,
    language     text,
    avatar_key   text,
    avatar_type  text,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    version      integer     not null default 0
);

-- One row per workspace schema.
create table workspace_settings (
    id                   smallint primary key default 1 check (id = 1),
    name                 text        not null,
    time_zone            text        not null default 'UTC',
    default_language     text        not null default 'en',
    support_url          text,
    email_from_name      text,
    email_reply_to       text,
    email_signature      text,
    ticket_number_prefix text        not null default 'T-',
    ticket_visibility    text        not null default 'DEPARTMENT' check (ticket_visibility in ('DEPARTMENT', 'ALL')),
    updated_at           timestamptz not null default now(),
    version              integer     not null default 0
);
