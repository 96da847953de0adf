-- when a provisioning job was (re)queued: a job that has not finished some time after is given up as FAILED
alter table platform.provisioning_jobs add column queued_at timestamptz not null default now();
update platform.provisioning_jobs set queued_at = created_at;
