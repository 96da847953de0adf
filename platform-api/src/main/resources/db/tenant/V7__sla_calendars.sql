-- SLA calendars: when a workspace works. Opening hours are wall-clock times in the calendar's IANA zone; an interval
-- that runs past midnight says so (ends_next_day) instead of ending before it starts.
create table sla_calendars (
    id         bigint generated always as identity primary key,
    name       text        not null,
    kind       text        not null check (kind in ('TWENTY_FOUR_SEVEN', 'BUSINESS_HOURS', 'CUSTOM')),
    time_zone  text        not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    version    integer     not null default 0
);
create unique index sla_calendars_name on sla_calendars (lower(name));

create table sla_calendar_hours (
    calendar_id   bigint  not null references sla_calendars (id) on delete cascade,
    ordinal       integer not null,
    day_of_week   text    not null
        check (day_of_week in ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY')),
    start_time    time    not null,
    end_time      time    not null,
    ends_next_day boolean not null default false,
    primary key (calendar_id, ordinal),
    check (ends_next_day or end_time > start_time),
    check (not ends_next_day or end_time <= start_time)
);

-- A single date (last_day = first_day), a range of dates, or the month and day of first_day every year from its year.
create table sla_calendar_holidays (
    calendar_id bigint  not null references sla_calendars (id) on delete cascade,
    ordinal     integer not null,
    name        text    not null,
    first_day   date    not null,
    last_day    date    not null,
    yearly      boolean not null default false,
    primary key (calendar_id, ordinal),
    check (last_day >= first_day),
    check (not yearly or last_day = first_day)
);

-- One row per workspace schema. With allow_sla off no targets are computed and no breaches raised; holidays close a
-- calendar only with allow_holidays on.
create table sla_config (
    id              smallint primary key default 1 check (id = 1),
    allow_sla       boolean     not null default false,
    allow_holidays  boolean     not null default false,
    at_risk_percent smallint    not null default 75 check (at_risk_percent between 1 and 99),
    updated_at      timestamptz not null default now(),
    version         integer     not null default 0
);
insert into sla_config (id) values (1);

-- The default calendar, in the workspace's time zone when its settings name one (admins change it later).
with calendar as (
    insert into sla_calendars (name, kind, time_zone)
    values ('Business hours', 'BUSINESS_HOURS', coalesce((select time_zone from workspace_settings where id = 1), 'UTC'))
    returning id
)
insert into sla_calendar_hours (calendar_id, ordinal, day_of_week, start_time, end_time)
select calendar.id, weekday.ordinal, weekday.name, time '09:00', time '17:00'
from calendar,
     (values (0, 'MONDAY'), (1, 'TUESDAY'), (2, 'WEDNESDAY'), (3, 'THURSDAY'), (4, 'FRIDAY')) as weekday (ordinal, name);
