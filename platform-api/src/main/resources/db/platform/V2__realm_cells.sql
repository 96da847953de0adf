-- Realm cells: the Keycloak clusters that hold workspace realms (one Keycloak slows down with every realm it holds).
-- The configured Keycloak (SAFARIDESK_KEYCLOAK_URL) is registered as cell 'default' by tenant-provisioning at start-up.
create table realm_cells (
    name              text primary key check (name ~ '^[a-z][a-z0-9-]{0,30}[a-z0-9]$'),
    -- the URL that users and token issuers see; a workspace's issuer is <base_url>/realms/<slug>
    base_url          text        not null,
    -- the URL that the services use for the admin API, logins and JWKS (the same as base_url when not split)
    internal_url      text        not null,
    -- where the master-realm admin's credentials come from, never the secret itself: 'default' (the configured
    -- SAFARIDESK_KEYCLOAK_ADMIN_USER / _PASSWORD) or 'env:<PREFIX>' (<PREFIX>_USER and <PREFIX>_PASSWORD)
    admin_credentials text        not null default 'default',
    -- optional: 'env:<PREFIX>' naming the JDBC URL (<PREFIX>_URL, _USER, _PASSWORD) of this Keycloak's database,
    -- read by 'tenant move' for credential secrets that the admin API does not return
    database_ref      text,
    capacity          integer     not null check (capacity > 0),
    state             text        not null default 'OPEN' check (state in ('OPEN', 'FULL', 'DRAINING')),
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
create unique index realm_cells_base_url on realm_cells (base_url);

-- the cell that holds the workspace's realm; null until provisioning places it (and for workspaces made before cells,
-- until the start-up bootstrap assigns them to 'default')
alter table tenants add column cell text references realm_cells (name);
create index tenants_cell on tenants (cell) where status <> 'DEPROVISIONED';
-- a workspace being moved to another cell is read-only until the move ends
alter table tenants add column moving_to text references realm_cells (name);
