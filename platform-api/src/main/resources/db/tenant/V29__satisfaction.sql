-- Whether the workspace asks requesters to rate solved tickets, and how long after the solve (one row).
create table satisfaction_settings (
    id            smallint    primary key default 1 check (id = 1),
    enabled       boolean     not null default false,
    delay_minutes integer     not null default 1440 check (delay_minutes between 0 and 43200),
    updated_by    text,
    updated_at    timestamptz not null default now()
);
insert into satisfaction_settings (id) values (1);

-- One survey per solve episode of a ticket (solved from unsolved; a reopen ends the episode and cancels a survey not
-- sent yet). The agent and department are the ticket's when it was solved: the ones the rating is about. A survey is
-- SCHEDULED until send_after, then SENT (the mail is queued; a rating may come until expires_at) or SKIPPED (why in
-- skip_reason), or CANCELLED by a reopen. The last rating within the window wins; the comment is kept apart.
create table satisfaction_surveys (
    id            bigint generated always as identity primary key,
    ticket_id     bigint      not null references tickets (id) on delete cascade,
    agent_id      bigint      references agents (id) on delete set null,
    department_id bigint      references departments (id) on delete set null,
    solved_at     timestamptz not null,
    send_after    timestamptz not null,
    state         text        not null default 'SCHEDULED'
                              check (state in ('SCHEDULED', 'SENT', 'SKIPPED', 'CANCELLED')),
    skip_reason   text,
    sent_at       timestamptz,
    expires_at    timestamptz,
    rating        text        check (rating in ('GOOD', 'BAD')),
    comment       text,
    rated_at      timestamptz,
    check ((state = 'SENT') = (sent_at is not null)),
    check (rating is null or state = 'SENT')
);
create unique index satisfaction_surveys_scheduled on satisfaction_surveys (ticket_id) where state = 'SCHEDULED';
create index satisfaction_surveys_due on satisfaction_surveys (send_after) where state = 'SCHEDULED';
create index satisfaction_surveys_ticket on satisfaction_surveys (ticket_id, id);
-- reports count the surveys sent in a period; the admins' list pages the rated ones newest first
create index satisfaction_surveys_sent on satisfaction_surveys (sent_at) where state = 'SENT';
create index satisfaction_surveys_rated on satisfaction_surveys (id) where rating is not null;
