-- Who did what and when: admin actions, deletions and exports, recorded per request by helpdesk-api. Append-only:
-- a row is never changed, and removed only by the retention purge, which says so in its own transaction.
create table audit_log (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null default now(),
    actor_user_id  text        not null,
    actor_name     text,
    actor_role     text        not null,
    action         text        not null,
    target         text        not null,
    status         integer     not null,
    client_address text
);
create index audit_log_occurred_at on audit_log (occurred_at);
create index audit_log_actor on audit_log (actor_user_id, id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('safaridesk.audit_purge', true) = 'on' then
        return old;
    end if;
    raise exception 'audit_log is append-only: % refused', tg_op;
end
$$;
create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_append_only();
