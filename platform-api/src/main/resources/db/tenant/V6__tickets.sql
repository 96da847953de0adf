-- Tickets and everything that hangs off them.

-- Statuses are the workspace's own; each belongs to one of four categories that the product reasons about.
create table ticket_statuses (
    id         bigint generated always as identity primary key,
    name       text        not null,
    category   text        not null check (category in ('OPEN', 'PENDING', 'RESOLVED', 'CLOSED')),
    position   integer     not null,
    is_default boolean     not null default false,
    retired    boolean     not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    version    integer     not null default 0
);
create unique index ticket_statuses_name on ticket_statuses (lower(name));
create unique index ticket_statuses_default on ticket_statuses (is_default) where is_default;

-- Allowed transitions: a status with no rows here may move to any status.
create table ticket_status_transitions (
    from_status_id bigint not null references ticket_statuses (id) on delete cascade,
    to_status_id   bigint not null references ticket_statuses (id) on delete cascade,
    primary key (from_status_id, to_status_id)
);

insert into ticket_statuses (name, category, position, is_default) values
    ('Open', 'OPEN', 1, true),
    ('In progress', 'OPEN', 2, false),
    ('Pending', 'PENDING', 3, false),
    ('On hold', 'PENDING', 4, false),
    ('Resolved', 'RESOLVED', 5, false),
    ('Closed', 'CLOSED', 6, false);

-- Categories form a tree; a category may belong to a department.
create table ticket_categories (
    id            bigint generated always as identity primary key,
    name          text        not null,
    description   text,
    parent_id     bigint references ticket_categories (id) on delete restrict,
    department_id bigint references departments (id) on delete set null,
    active        boolean     not null default true,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       integer     not null default 0
);
create unique index ticket_categories_name on ticket_categories (coalesce(parent_id, 0), lower(name));

-- The last ticket number given out: one row, incremented under its row lock, so numbers have no gaps.
create table ticket_number_counter (
    id          smallint primary key default 1 check (id = 1),
    last_number bigint not null
);
insert into ticket_number_counter (id, last_number) values (1, 1000);

create table tickets (
    id                bigint generated always as identity primary key,
    number            bigint      not null,
    subject           text        not null,
    description_html  text        not null default '',
    description_text  text        not null default '',
    channel           text        not null check (channel in
                          ('EMAIL', 'WEB', 'PORTAL', 'PHONE', 'CHAT', 'CHATBOT', 'API', 'INTERNAL')),
    requester_id      bigint      not null references contacts (id),
    status_id         bigint      not null references ticket_statuses (id),
    priority          text        not null check (priority in ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
    department_id     bigint references departments (id) on delete set null,
    category_id       bigint references ticket_categories (id) on delete set null,
    assignee_id       bigint references agents (id),
    tags              text[]      not null default '{}',
    due_at            timestamptz,
    first_response_at timestamptz,
    resolved_at       timestamptz,
    closed_at         timestamptz,
    archived          boolean     not null default false,
    trashed_at        timestamptz,
    merged_into_id    bigint references tickets (id),
    created_by        text,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           integer     not null default 0,
    search            tsvector generated always as (
                          setweight(to_tsvector('english', subject), 'A')
                          || setweight(to_tsvector('english', description_text), 'B')) stored
);
create unique index tickets_number on tickets (number);
create index tickets_search on tickets using gin (search);
create index tickets_tags on tickets using gin (tags);
create index tickets_status on tickets (status_id, id);
create index tickets_assignee on tickets (assignee_id, id);
create index tickets_department on tickets (department_id, id);
create index tickets_requester on tickets (requester_id, id);
create index tickets_created_at on tickets (created_at, id);
create index tickets_updated_at on tickets (updated_at, id);
create index tickets_due_at on tickets (due_at, id) where due_at is not null;
create index tickets_merged_into on tickets (merged_into_id) where merged_into_id is not null;

create table ticket_watchers (
    ticket_id bigint not null references tickets (id) on delete cascade,
    agent_id  bigint not null references agents (id) on delete cascade,
    primary key (ticket_id, agent_id)
);
create index ticket_watchers_agent on ticket_watchers (agent_id);

-- The conversation: public replies (the requester sees them) and internal notes (staff only).
create table ticket_messages (
    id                bigint generated always as identity primary key,
    ticket_id         bigint      not null references tickets (id) on delete cascade,
    visibility        text        not null check (visibility in ('PUBLIC', 'INTERNAL')),
    author_agent_id   bigint references agents (id),
    author_contact_id bigint references contacts (id),
    author_name       text        not null,
    body_html         text        not null,
    body_text         text        not null,
    channel           text        not null,
    created_at        timestamptz not null default now()
);
create index ticket_messages_ticket on ticket_messages (ticket_id, id);

create table ticket_mentions (
    message_id bigint not null references ticket_messages (id) on delete cascade,
    agent_id   bigint not null references agents (id) on delete cascade,
    primary key (message_id, agent_id)
);

create table ticket_attachments (
    id           bigint generated always as identity primary key,
    ticket_id    bigint      not null references tickets (id) on delete cascade,
    message_id   bigint references ticket_messages (id) on delete set null,
    filename     text        not null,
    content_type text        not null,
    size_bytes   bigint      not null,
    storage_key  text        not null,
    uploaded_by  text,
    created_at   timestamptz not null default now()
);
create index ticket_attachments_ticket on ticket_attachments (ticket_id, id);

-- Every change to a ticket: who, when, which field, from what to what.
create table ticket_activities (
    id         bigint generated always as identity primary key,
    ticket_id  bigint      not null references tickets (id) on delete cascade,
    actor_id   text,
    actor_name text        not null,
    action     text        not null,
    field      text,
    old_value  text,
    new_value  text,
    created_at timestamptz not null default now()
);
create index ticket_activities_ticket on ticket_activities (ticket_id, id);

-- How a department hands out its new tickets, and where its round-robin stands.
alter table departments
    add column assignment_mode text not null default 'MANUAL'
        check (assignment_mode in ('MANUAL', 'ROUND_ROBIN', 'LEAST_OPEN')),
    add column last_assigned_agent_id bigint references agents (id) on delete set null;

-- Assignment rules, evaluated in position order on every new ticket.
create table assignment_rules (
    id             bigint generated always as identity primary key,
    name           text        not null,
    position       integer     not null,
    active         boolean     not null default true,
    stop_on_match  boolean     not null default true,
    conditions     jsonb       not null,
    actions        jsonb       not null,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    version        integer     not null default 0
);
