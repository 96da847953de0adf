create table departments (
    id            bigint generated always as identity primary key,
    name          text        not null,
    support_email text,
    active        boolean     not null default true,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       integer     not null default 0
);
create unique index departments_name on departments (lower(name));
