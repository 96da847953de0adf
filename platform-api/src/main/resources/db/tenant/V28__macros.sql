-- Macros (canned responses): a reply or note with placeholders and field changes that an agent applies to a ticket in
-- one step. Personal ones belong to one agent; shared ones to a department (its members use them) or the workspace.
create table macros (
    id                   bigint generated always as identity primary key,
    name                 text        not null,
    scope                text        not null check (scope in ('PERSONAL', 'DEPARTMENT', 'WORKSPACE')),
    owner_agent_id       bigint references agents (id) on delete cascade,
    department_id        bigint references departments (id) on delete cascade,
    body_html            text,
    visibility           text        not null default 'PUBLIC' check (visibility in ('PUBLIC', 'INTERNAL')),
    set_status_id        bigint references ticket_statuses (id),
    set_priority         text check (set_priority in ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
    set_assignee_id      bigint references agents (id) on delete set null,
    set_department_id    bigint references departments (id) on delete set null,
    add_tags             text[]      not null default '{}',
    remove_tags          text[]      not null default '{}',
    usage_count          bigint      not null default 0,
    last_used_at         timestamptz,
    created_by           text,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              integer     not null default 0,
    check ((scope = 'PERSONAL') = (owner_agent_id is not null)),
    check ((scope = 'DEPARTMENT') = (department_id is not null))
);
-- the list's two orders, keyset-paged
create index macros_name on macros (lower(name), id);
create index macros_usage on macros (usage_count, id);
create index macros_owner on macros (owner_agent_id) where owner_agent_id is not null;
create index macros_department on macros (department_id) where department_id is not null;
