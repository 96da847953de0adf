-- Agents whose Keycloak user was deleted: the row stays (with its name) so that whatever refers to it still reads a
-- name; only live agents hold their email address.
alter table agents add column deleted_at timestamptz;
drop index agents_email;
create unique index agents_email on agents (lower(email)) where deleted_at is null;
