-- Agents: the helpdesk profile of a workspace realm's admins and agents (Keycloak holds the identity).
create table agents (
    id               bigint generated always as identity primary key,
    keycloak_user_id text        not null,
    name             text        not null,
    email            text        not null,
    phone            text,
    role             text        not null check (role in ('admin', 'agent')),
    active           boolean     not null default true,
    available        boolean     not null default true,
    signature        text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          integer     not null default 0
);
create unique index agents_keycloak_user_id on agents (keycloak_user_id);
create unique index agents_email on agents (lower(email));

-- Members of a department; a lead is a member too. Removing a department removes its memberships, never agents.
create table agent_departments (
    agent_id      bigint  not null references agents (id) on delete cascade,
    department_id bigint  not null references departments (id) on delete cascade,
    lead          boolean not null default false,
    primary key (agent_id, department_id)
);
create index agent_departments_department on agent_departments (department_id);
