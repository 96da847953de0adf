-- The files of a held mail, kept with it so that a release puts them on the ticket as intake would have done (they
-- are also in the stored original); they go with the held mail when it is released, deleted or expires.
create table inbound_review_attachments (
    id        bigint generated always as identity primary key,
    review_id bigint not null references inbound_reviews (id) on delete cascade,
    filename  text   not null,
    content   bytea  not null
);
create index inbound_review_attachments_review on inbound_review_attachments (review_id);

-- Mail of the platform's catch-all that named no workspace, released into this workspace by a platform operator: it
-- passes through the review queue's release path, so it is recorded with this reason.
alter table inbound_reviews drop constraint inbound_reviews_reason_check;
alter table inbound_reviews add constraint inbound_reviews_reason_check
    check (reason in ('NON_PARTICIPANT_ON_CLOSED_TICKET', 'FLOOD', 'SUSPECTED_AUTO_REPLY', 'UNROUTABLE'));

-- When an operator ran a FAILED mail through intake again (its outcome is logged as an entry of its own): a mail is
-- re-taken once, so a second run never makes a second ticket.
alter table inbound_mails add column retaken_at timestamptz;
create index inbound_mails_failed on inbound_mails (id) where rule = 'FAILED' and retaken_at is null;
