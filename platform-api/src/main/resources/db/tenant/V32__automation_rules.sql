-- Triggers and time rules (issue 20, points 4 and 5). Both are rules of the workspace, ordered by position: a trigger
-- runs on ticket events, a time rule on the worker's sweep. Conditions and actions are validated JSON lists (see
-- io.safaridesk.platform.automation); actions go through the same ticket operations as macros.
create table automation_rules (
    id          bigint generated always as identity primary key,
    kind        text        not null check (kind in ('TRIGGER', 'TIME_RULE')),
    name        text        not null,
    enabled     boolean     not null default true,
    position    integer     not null,
    events      text[]      not null default '{}',
    conditions  jsonb       not null default '[]',
    actions     jsonb       not null,
    created_by  text,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer     not null default 0,
    check ((kind = 'TRIGGER') = (cardinality(events) > 0))
);
create index automation_rules_order on automation_rules (kind, position, id);

-- One row per rule that acted (or tried to) on a ticket, keyed by the trigger's event chain or the time rule's
-- condition episode: inserted before the actions run, so a rule acts at most once per ticket and chain / episode,
-- also with two workers (the second insert waits for the first and then does nothing).
create table automation_firings (
    id          bigint generated always as identity primary key,
    rule_id     bigint      not null references automation_rules (id) on delete cascade,
    ticket_id   bigint      not null references tickets (id) on delete cascade,
    episode     text        not null,
    depth       integer     not null default 0,
    outcome     text        not null check (outcome in ('APPLIED', 'FAILED')),
    detail      text,
    fired_at    timestamptz not null default now(),
    unique (rule_id, ticket_id, episode)
);
create index automation_firings_ticket on automation_firings (ticket_id, id);

-- The events a trigger's actions caused, with the chain they belong to and its depth: a trigger fires at most once per
-- chain and chains stop at the configured depth. Rows older than a week are pruned by the time-rule sweep.
create table automation_caused_events (
    message_id  uuid        primary key,
    chain       text        not null,
    depth       integer     not null,
    created_at  timestamptz not null default now()
);
create index automation_caused_events_age on automation_caused_events (created_at);

-- Time rules measure from when a ticket last changed status or assignee: kept on the ticket row by this trigger (not
-- mapped by the ticket entity), filled for existing tickets from their history.
alter table tickets
    add column status_changed_at   timestamptz,
    add column assignee_changed_at timestamptz;

update tickets t set
    status_changed_at = coalesce((select max(a.created_at) from ticket_activities a
                                  where a.ticket_id = t.id and a.action = 'status_changed'), t.created_at),
    assignee_changed_at = coalesce((select max(a.created_at) from ticket_activities a
                                    where a.ticket_id = t.id and a.action = 'assigned'), t.created_at);

alter table tickets
    alter column status_changed_at set default now(),
    alter column status_changed_at set not null,
    alter column assignee_changed_at set default now(),
    alter column assignee_changed_at set not null;

create function ticket_changes_track() returns trigger language plpgsql set search_path from current as $$
begin
    if new.status_id is distinct from old.status_id then
        new.status_changed_at := now();
    end if;
    if new.assignee_id is distinct from old.assignee_id then
        new.assignee_changed_at := now();
    end if;
    return new;
end
$$;

create trigger tickets_changes_tracked before update of status_id, assignee_id on tickets
    for each row execute function ticket_changes_track();
