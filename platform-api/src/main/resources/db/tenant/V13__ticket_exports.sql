-- Ticket exports a user asked for: what to export (ticket ids or the list's filters, as JSON), the file once written
-- (in the file store under storage_key) and until when it may be downloaded.
create table ticket_exports (
    id             bigint generated always as identity primary key,
    requested_by   text        not null,
    format         text        not null check (format in ('CSV', 'XLSX')),
    selection      jsonb       not null,
    state          text        not null default 'QUEUED'
                       check (state in ('QUEUED', 'RUNNING', 'READY', 'FAILED', 'EXPIRED')),
    row_count      bigint,
    size_bytes     bigint,
    storage_key    text,
    error          text,
    created_at     timestamptz not null default now(),
    started_at     timestamptz,
    finished_at    timestamptz,
    expires_at     timestamptz
);
create index ticket_exports_requester on ticket_exports (requested_by, id);
-- the expiry sweep reads ready files past their time and runs that never finished
create index ticket_exports_open on ticket_exports (state, expires_at) where state in ('READY', 'RUNNING');
