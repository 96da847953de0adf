-- Tasks: work items of the staff, linked to a ticket or standalone.

-- The five statuses are fixed keys the product reasons about; the workspace names them as it likes.
create table task_status_labels (
    status     text primary key check (status in ('TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'CANCELLED')),
    label      text        not null,
    position   integer     not null,
    updated_at timestamptz not null default now()
);
insert into task_status_labels (status, label, position) values
    ('TODO', 'To do', 1),
    ('IN_PROGRESS', 'In progress', 2),
    ('BLOCKED', 'Blocked', 3),
    ('DONE', 'Done', 4),
    ('CANCELLED', 'Cancelled', 5);

-- The last task number given out: one row, incremented under its row lock, so numbers have no gaps.
create table task_number_counter (
    id          smallint primary key default 1 check (id = 1),
    last_number bigint not null
);
insert into task_number_counter (id, last_number) values (1, 1000);

create table tasks (
    id               bigint generated always as identity primary key,
    number           bigint      not null,
    title            text        not null,
    description_html text        not null default '',
    description_text text        not null default '',
    status           text        not null check (status in ('TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'CANCELLED')),
    priority         text        not null check (priority in ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
    ticket_id        bigint references tickets (id) on delete set null,
    department_id    bigint references departments (id) on delete set null,
    assignee_id      bigint references agents (id),
    due_at           timestamptz,
    completed_at     timestamptz,
    archived         boolean     not null default false,
    trashed_at       timestamptz,
    created_by       text,
    creator_agent_id bigint references agents (id),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          integer     not null default 0,
    search           tsvector generated always as (
                         setweight(to_tsvector('english', title), 'A')
                         || setweight(to_tsvector('english', description_text), 'B')) stored
);
create unique index tasks_number on tasks (number);
create index tasks_search on tasks using gin (search);
create index tasks_status on tasks (status, id);
create index tasks_assignee on tasks (assignee_id, id);
create index tasks_department on tasks (department_id, id);
create index tasks_creator on tasks (creator_agent_id, id);
create index tasks_created_at on tasks (created_at, id);
create index tasks_due_at on tasks (due_at, id) where due_at is not null;
-- a ticket's tasks: the list filter, and the rule that reads a ticket's open tasks on every resolve
create index tasks_ticket on tasks (ticket_id, id) where ticket_id is not null;

create table task_comments (
    id              bigint generated always as identity primary key,
    task_id         bigint      not null references tasks (id) on delete cascade,
    author_agent_id bigint references agents (id),
    author_name     text        not null,
    body_html       text        not null,
    body_text       text        not null,
    created_at      timestamptz not null default now()
);
create index task_comments_task on task_comments (task_id, id);

create table task_mentions (
    comment_id bigint not null references task_comments (id) on delete cascade,
    agent_id   bigint not null references agents (id) on delete cascade,
    primary key (comment_id, agent_id)
);

create table task_attachments (
    id           bigint generated always as identity primary key,
    task_id      bigint      not null references tasks (id) on delete cascade,
    comment_id   bigint references task_comments (id) on delete set null,
    filename     text        not null,
    content_type text        not null,
    size_bytes   bigint      not null,
    storage_key  text        not null,
    uploaded_by  text,
    created_at   timestamptz not null default now()
);
create index task_attachments_task on task_attachments (task_id, id);

-- Every change to a task: who, when, which field, from what to what.
create table task_activities (
    id         bigint generated always as identity primary key,
    task_id    bigint      not null references tasks (id) on delete cascade,
    actor_id   text,
    actor_name text        not null,
    action     text        not null,
    field      text,
    old_value  text,
    new_value  text,
    created_at timestamptz not null default now()
);
create index task_activities_task on task_activities (task_id, id);
