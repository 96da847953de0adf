-- Whether a ticket in a status stops its SLA clocks; by default the PENDING statuses do (waiting on someone else).
alter table ticket_statuses add column pauses_sla boolean not null default false;
update ticket_statuses set pauses_sla = (category = 'PENDING');

-- SLA policies in the admins' order (position): the first active policy whose conditions all hold applies to a
-- ticket. An empty condition array matches anything. The escalation columns say what a breach does to the ticket.
create table sla_policies (
    id                 bigint generated always as identity primary key,
    name               text        not null,
    position           integer     not null,
    active             boolean     not null default true,
    calendar_id        bigint      not null references sla_calendars (id) on delete restrict,
    priorities         text[]      not null default '{}',
    department_ids     bigint[]    not null default '{}',
    category_ids       bigint[]    not null default '{}',
    channels           text[]      not null default '{}',
    requester_domains  text[]      not null default '{}',
    escalate_raise_priority boolean not null default false,
    escalate_assignee_id    bigint references agents (id) on delete set null,
    escalate_watcher_ids    bigint[] not null default '{}',
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    version            integer     not null default 0
);
create unique index sla_policies_name on sla_policies (lower(name));

-- Business-time targets per ticket priority; a null target leaves that metric untracked for the priority.
create table sla_policy_targets (
    policy_id              bigint  not null references sla_policies (id) on delete cascade,
    priority               text    not null check (priority in ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
    first_response_minutes integer check (first_response_minutes > 0),
    next_response_minutes  integer check (next_response_minutes > 0),
    resolution_minutes     integer check (resolution_minutes > 0),
    primary key (policy_id, priority)
);

-- One clock per ticket and metric. consumed_nanos is the business time used before running_since; while RUNNING,
-- due_at and at_risk_at say when the target and the at-risk share are reached, so the sweep is an indexed query.
-- cycle counts activations (a next response starts a new cycle with every customer reply after an agent's).
create table ticket_sla_metrics (
    id                bigint generated always as identity primary key,
    ticket_id         bigint      not null references tickets (id) on delete cascade,
    metric            text        not null check (metric in ('FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION')),
    policy_id         bigint references sla_policies (id) on delete set null,
    calendar_id       bigint      not null,
    target_minutes    integer     not null check (target_minutes > 0),
    cycle             integer     not null default 1,
    state             text        not null check (state in ('RUNNING', 'PAUSED', 'MET', 'STOPPED')),
    started_at        timestamptz not null,
    running_since     timestamptz,
    paused_since      timestamptz,
    consumed_nanos    bigint      not null default 0,
    due_at            timestamptz,
    at_risk_at        timestamptz,
    met_at            timestamptz,
    at_risk_raised_at timestamptz,
    breached_at       timestamptz,
    updated_at        timestamptz not null,
    unique (ticket_id, metric),
    check ((state = 'RUNNING') = (running_since is not null and due_at is not null))
);
create index ticket_sla_metrics_due on ticket_sla_metrics (due_at) where state = 'RUNNING' and breached_at is null;
create index ticket_sla_metrics_at_risk on ticket_sla_metrics (at_risk_at)
    where state = 'RUNNING' and at_risk_raised_at is null;
create index ticket_sla_metrics_policy on ticket_sla_metrics (policy_id) where state in ('RUNNING', 'PAUSED');

-- What happened to each clock, in order; elapsed_nanos is the business time used at that moment.
create table ticket_sla_events (
    id             bigint generated always as identity primary key,
    ticket_id      bigint      not null references tickets (id) on delete cascade,
    metric         text        not null,
    cycle          integer     not null,
    kind           text        not null check (kind in
                       ('ACTIVATED', 'PAUSED', 'RESUMED', 'FULFILLED', 'AT_RISK', 'BREACHED', 'RECOMPUTED', 'STOPPED')),
    at             timestamptz not null,
    target_minutes integer     not null,
    elapsed_nanos  bigint      not null,
    due_at         timestamptz,
    detail         text
);
create index ticket_sla_events_ticket on ticket_sla_events (ticket_id, id);
-- A crossing is raised once per clock cycle, whatever sweeps race: the conditional update claims it, this guards it.
create unique index ticket_sla_events_crossing on ticket_sla_events (ticket_id, metric, cycle, kind)
    where kind in ('AT_RISK', 'BREACHED');

-- Stand-in for the worker's notifications: who was told about which crossing.
create table sla_notifications (
    id         bigint generated always as identity primary key,
    ticket_id  bigint      not null references tickets (id) on delete cascade,
    agent_id   bigint      not null references agents (id) on delete cascade,
    metric     text        not null,
    kind       text        not null check (kind in ('AT_RISK', 'BREACHED')),
    created_at timestamptz not null
);
create index sla_notifications_agent on sla_notifications (agent_id, id);
