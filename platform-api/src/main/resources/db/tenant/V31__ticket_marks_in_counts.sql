-- Two of the ticket views are marks that live beside the ticket: "sla_breached" (one of its SLA clocks breached) and
-- "reopened" (solved, then opened again). Counting them for an agent read most of the tickets (the agent's visibility
-- is an OR that no index serves), seconds at a million tickets. The marks now sit on the ticket row, kept by triggers
-- on the tables they come from, and are keys of the ticket_counts rollup (V21), so that the counts read the rollup and
-- the lists test a column. The columns are not mapped by the ticket entity: only these triggers write them.
alter table tickets
    add column sla_breached boolean not null default false,
    add column reopened     boolean not null default false;

update tickets t set sla_breached = true
where exists (select 1 from ticket_sla_metrics m where m.ticket_id = t.id and m.breached_at is not null);
update tickets t set reopened = true
where exists (select 1 from ticket_report_facts f where f.ticket_id = t.id and f.reopen_count > 0);

create function ticket_sla_breached_track() returns trigger language plpgsql set search_path from current as $$
declare
    ticket bigint := case when tg_op = 'DELETE' then old.ticket_id else new.ticket_id end;
begin
    update tickets t
    set sla_breached = exists (select 1 from ticket_sla_metrics m where m.ticket_id = ticket and m.breached_at is not null)
    where t.id = ticket
      and t.sla_breached is distinct from
          exists (select 1 from ticket_sla_metrics m where m.ticket_id = ticket and m.breached_at is not null);
    return null;
end
$$;

create trigger ticket_sla_metrics_marked after insert or delete on ticket_sla_metrics
    for each row execute function ticket_sla_breached_track();
create trigger ticket_sla_metrics_remarked after update on ticket_sla_metrics
    for each row when ((old.breached_at is null) is distinct from (new.breached_at is null))
    execute function ticket_sla_breached_track();

create function ticket_reopened_track() returns trigger language plpgsql set search_path from current as $$
begin
    update tickets t set reopened = new.reopen_count > 0
    where t.id = new.ticket_id and t.reopened is distinct from (new.reopen_count > 0);
    return null;
end
$$;

create trigger ticket_report_facts_marked after insert or update of reopen_count on ticket_report_facts
    for each row execute function ticket_reopened_track();

-- The rollup keyed by the marks too.
drop trigger tickets_recounted on tickets;
alter table ticket_counts
    drop constraint ticket_counts_pkey,
    add column sla_breached boolean not null default false,
    add column reopened     boolean not null default false,
    add primary key (status_id, department_id, assignee_id, archived, trashed, merged, sla_breached, reopened);

drop function ticket_counts_add(bigint, bigint, bigint, boolean, boolean, boolean, integer);
create function ticket_counts_add(s bigint, d bigint, a bigint, ar boolean, tr boolean, mg boolean, br boolean,
                                  ro boolean, delta integer)
    returns void language sql set search_path from current as $$
    insert into ticket_counts as c
        (status_id, department_id, assignee_id, archived, trashed, merged, sla_breached, reopened, tickets)
    values (s, coalesce(d, 0), coalesce(a, 0), ar, tr, mg, br, ro, delta)
    on conflict (status_id, department_id, assignee_id, archived, trashed, merged, sla_breached, reopened)
        do update set tickets = c.tickets + excluded.tickets;
$$;

create or replace function ticket_counts_track() returns trigger language plpgsql set search_path from current as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform ticket_counts_add(old.status_id, old.department_id, old.assignee_id, old.archived,
                                  old.trashed_at is not null, old.merged_into_id is not null, old.sla_breached,
                                  old.reopened, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform ticket_counts_add(new.status_id, new.department_id, new.assignee_id, new.archived,
                                  new.trashed_at is not null, new.merged_into_id is not null, new.sla_breached,
                                  new.reopened, 1);
    end if;
    return null;
end
$$;

create trigger tickets_recounted after update on tickets
    for each row when (old.status_id is distinct from new.status_id
        or old.department_id is distinct from new.department_id
        or old.assignee_id is distinct from new.assignee_id
        or old.archived is distinct from new.archived
        or (old.trashed_at is null) is distinct from (new.trashed_at is null)
        or (old.merged_into_id is null) is distinct from (new.merged_into_id is null)
        or old.sla_breached is distinct from new.sla_breached
        or old.reopened is distinct from new.reopened)
    execute function ticket_counts_track();

create or replace function ticket_counts_rebuild() returns void language plpgsql set search_path from current as $$
begin
    lock table tickets in share mode;
    delete from ticket_counts;
    insert into ticket_counts
        (status_id, department_id, assignee_id, archived, trashed, merged, sla_breached, reopened, tickets)
    select status_id, coalesce(department_id, 0), coalesce(assignee_id, 0), archived, trashed_at is not null,
           merged_into_id is not null, sla_breached, reopened, count(*)
    from tickets
    group by 1, 2, 3, 4, 5, 6, 7, 8;
end
$$;

select ticket_counts_rebuild();
