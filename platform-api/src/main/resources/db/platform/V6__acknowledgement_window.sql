-- The acknowledgements a workspace sent to an address lately: a second one within the window is not sent, so that a
-- loop with another helpdesk that acknowledges every mail with plain mail stops after one round.
create index mail_outbox_acknowledgements on mail_outbox (tenant_slug, lower(recipient), created_at)
    where kind = 'new-ticket';
