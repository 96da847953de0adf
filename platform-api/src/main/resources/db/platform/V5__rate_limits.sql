-- Token buckets of the rate limits on anonymous doors (login, password reset, sign-up, the portal's web form and
-- knowledge base search), shared by every instance of every service. The key is a SHA-256 of the limit's name and
-- the limited value (an account, an email address, a client address), so no address is stored in the clear.
create table platform.rate_limit_buckets (
    key         bytea primary key,
    tokens      double precision not null,
    allowed     boolean not null,
    refilled_at timestamptz not null
);

create index rate_limit_buckets_refilled_at on platform.rate_limit_buckets (refilled_at);
