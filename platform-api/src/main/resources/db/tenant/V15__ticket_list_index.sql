-- The list of live tickets in one status, newest first (the default view of an agent's queue), read in index order
-- without a sort; most tickets end closed, so the open statuses' ranges stay short however many tickets a workspace
-- has, and newer tickets in other statuses never lengthen the walk (the plan by created_at alone did).
create index tickets_live_status_created on tickets (status_id, created_at desc, id desc)
    where trashed_at is null and not archived;
