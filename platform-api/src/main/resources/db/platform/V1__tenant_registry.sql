-- The tenant registry: every workspace, its verification state, and where its realm lives.
create table tenants (
    id                         uuid primary key,
    slug                       text        not null,
    business_name              text        not null,
    domain                     text        not null,
    status                     text        not null
        check (status in ('PENDING', 'PROVISIONING', 'ACTIVE', 'SUSPENDED', 'FAILED', 'DEPROVISIONED')),
    admin_email                text        not null,
    admin_name                 text        not null,
    -- the first admin's password as a Keycloak pbkdf2-sha512 credential; cleared once the admin exists
    admin_password_credential  text,
    email_verified_at          timestamptz,
    domain_token               text        not null,
    domain_verified_at         timestamptz,
    domain_verification_method text,
    domain_checked_at          timestamptz,
    domain_check_result        text,
    keycloak_url               text        not null,
    issuer                     text,
    created_at                 timestamptz not null default now(),
    updated_at                 timestamptz not null default now(),
    version                    integer     not null default 0
);

-- a slug and an issuer name one live workspace; a deprovisioned one frees them
create unique index tenants_slug_live on tenants (slug) where status <> 'DEPROVISIONED';
create unique index tenants_issuer_live on tenants (issuer) where status <> 'DEPROVISIONED';
-- a domain belongs to at most one verified live workspace
create unique index tenants_verified_domain on tenants (domain)
    where domain_verified_at is not null and status <> 'DEPROVISIONED';
create index tenants_pending_domain on tenants (domain_checked_at) where status = 'PENDING' and domain_verified_at is null;

-- the sign-up email OTP: only a hash is kept
create table email_verifications (
    tenant_id    uuid primary key references tenants (id) on delete cascade,
    code_hash    text        not null,
    expires_at   timestamptz not null,
    attempts     integer     not null default 0,
    sent_at      timestamptz not null,
    sends_in_window integer  not null default 1,
    window_start timestamptz not null
);

-- the provisioning saga: one job per workspace, the steps it has completed, a lease while a runner works on it
create table provisioning_jobs (
    tenant_id   uuid primary key references tenants (id) on delete cascade,
    status      text        not null check (status in ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
    attempts    integer     not null default 0,
    not_before  timestamptz not null default now(),
    lease_until timestamptz,
    last_error  text,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index provisioning_jobs_due on provisioning_jobs (not_before) where status in ('PENDING', 'RUNNING');

create table provisioning_steps (
    tenant_id    uuid        not null references tenants (id) on delete cascade,
    step         text        not null,
    completed_at timestamptz not null default now(),
    primary key (tenant_id, step)
);

-- transactional outbox for platform events (TenantProvisioned, ...), relayed to RabbitMQ
create table outbox (
    id           uuid primary key,
    tenant_slug  text,
    type         text        not null,
    payload      jsonb       not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_unpublished on outbox (created_at) where published_at is null;
