-- The worker notifies the agents that each SlaCrossed event names (in-app and email): the stand-in table that the
-- sweep filled before the worker existed is no longer written or read.
drop table sla_notifications;
