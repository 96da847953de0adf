-- How many tickets sit in each combination of what the list shelves filter on, so that the sidebar counts read a few
-- hundred rows instead of every ticket. Kept exact by triggers in the transaction of every ticket write; 0 stands for
-- no department and no assignee. ticket_counts_rebuild() recomputes it from the tickets (the operator's repair).
create table ticket_counts (
    status_id     bigint  not null,
    department_id bigint  not null,
    assignee_id   bigint  not null,
    archived      boolean not null,
    trashed       boolean not null,
    merged        boolean not null,
    tickets       bigint  not null,
    primary key (status_id, department_id, assignee_id, archived, trashed, merged)
);

create function ticket_counts_add(s bigint, d bigint, a bigint, ar boolean, tr boolean, mg boolean, delta integer)
    returns void language sql set search_path from current as $$
    insert into ticket_counts as c values (s, coalesce(d, 0), coalesce(a, 0), ar, tr, mg, delta)
    on conflict (status_id, department_id, assignee_id, archived, trashed, merged)
        do update set tickets = c.tickets + excluded.tickets;
$$;

create function ticket_counts_track() returns trigger language plpgsql set search_path from current as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform ticket_counts_add(old.status_id, old.department_id, old.assignee_id, old.archived,
                                  old.trashed_at is not null, old.merged_into_id is not null, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform ticket_counts_add(new.status_id, new.department_id, new.assignee_id, new.archived,
                                  new.trashed_at is not null, new.merged_into_id is not null, 1);
    end if;
    return null;
end
$$;

create trigger tickets_counted after insert or delete on tickets
    for each row execute function ticket_counts_track();
create trigger tickets_recounted after update on tickets
    for each row when (old.status_id is distinct from new.status_id
        or old.department_id is distinct from new.department_id
        or old.assignee_id is distinct from new.assignee_id
        or old.archived is distinct from new.archived
        or (old.trashed_at is null) is distinct from (new.trashed_at is null)
        or (old.merged_into_id is null) is distinct from (new.merged_into_id is null))
    execute function ticket_counts_track();

-- Recomputes the counts from the tickets, with ticket writes held off meanwhile so that the result is exact.
create function ticket_counts_rebuild() returns void language plpgsql set search_path from current as $$
begin
    lock table tickets in share mode;
    delete from ticket_counts;
    insert into ticket_counts
    select status_id, coalesce(department_id, 0), coalesce(assignee_id, 0), archived, trashed_at is not null,
           merged_into_id is not null, count(*)
    from tickets
    group by 1, 2, 3, 4, 5, 6;
end
$$;

select ticket_counts_rebuild();
