-- What the reports measure per ticket (docs/reference/reports.md), kept by the report listener in the transaction of
-- each ticket change. Business seconds are measured on the calendar of the ticket's SLA clocks (null: no SLA clock).
create table ticket_report_facts (
    ticket_id                       bigint primary key references tickets (id) on delete cascade,
    first_response_at               timestamptz,
    first_response_seconds          bigint,
    first_response_business_seconds bigint,
    solved_at                       timestamptz,
    resolution_seconds              bigint,
    resolution_business_seconds     bigint,
    reopen_count                    integer not null default 0,
    agent_replies                   integer not null default 0
);
create index ticket_report_facts_first_response on ticket_report_facts (first_response_at)
    where first_response_at is not null;
create index ticket_report_facts_solved on ticket_report_facts (solved_at) where solved_at is not null;
create index ticket_report_facts_reopened on ticket_report_facts (ticket_id) where reopen_count > 0;
create index ticket_report_facts_unsolved on ticket_report_facts (ticket_id) where solved_at is null;

-- Every move of a ticket between unsolved (OPEN, PENDING) and solved (RESOLVED, CLOSED), with the assignee then.
create table ticket_transitions (
    id        bigint generated always as identity primary key,
    ticket_id bigint      not null references tickets (id) on delete cascade,
    kind      text        not null check (kind in ('SOLVED', 'REOPENED')),
    agent_id  bigint,
    at        timestamptz not null
);
create index ticket_transitions_at on ticket_transitions (at, kind);
create index ticket_transitions_ticket on ticket_transitions (ticket_id);

-- Tickets from before this migration: what their rows tell (no reopen history, no business time).
insert into ticket_report_facts (ticket_id, first_response_at, first_response_seconds, solved_at, resolution_seconds)
select t.id,
       t.first_response_at,
       extract(epoch from t.first_response_at - t.created_at)::bigint,
       t.resolved_at,
       extract(epoch from t.resolved_at - t.created_at)::bigint
from tickets t;
insert into ticket_transitions (ticket_id, kind, agent_id, at)
select t.id, 'SOLVED', t.assignee_id, t.resolved_at from tickets t where t.resolved_at is not null;

-- The ticket views of the lists and counts that are not shelves of the rollup (V21).
create index tickets_unsolved_due on tickets (assignee_id, due_at)
    where resolved_at is null and closed_at is null and due_at is not null;
create index tickets_created_by on tickets (created_by, id) where created_by is not null;
create index ticket_sla_metrics_breached on ticket_sla_metrics (ticket_id) where breached_at is not null;
-- SLA compliance counts a clock when it was decided: breached, or else met.
create index ticket_sla_metrics_decided on ticket_sla_metrics ((coalesce(breached_at, met_at)))
    where breached_at is not null or met_at is not null;
-- Agent performance counts public replies by agents in a period.
create index ticket_messages_agent_replies on ticket_messages (created_at, author_agent_id)
    where author_agent_id is not null and visibility = 'PUBLIC';
