-- The language a contact's mail is written in (null: the workspace's default) and whether they get mail when their
-- ticket is solved, closed or waits on them.
alter table contacts add column language text;
alter table contacts add column email_updates boolean not null default true;
