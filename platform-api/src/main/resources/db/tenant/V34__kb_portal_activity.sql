-- What portal readers do in the knowledge base, and the tickets they open through the portal's web form, for the KB
-- deflection report: one row per search (the first page of a search with words), article read or web-form ticket, by
-- visitor (the keyed hash of client address and user agent that kb_article_views uses: never the address).
create table kb_portal_activity (
    id         bigint generated always as identity primary key,
    visitor    text        not null,
    kind       text        not null check (kind in ('SEARCH', 'VIEW', 'TICKET')),
    article_id bigint      references kb_articles (id) on delete set null,
    ticket_id  bigint      references tickets (id) on delete cascade,
    at         timestamptz not null,
    check ((kind = 'TICKET') = (ticket_id is not null))
);
-- the period's reading, in time order
create index kb_portal_activity_read on kb_portal_activity (at) where kind <> 'TICKET';
-- a visitor's web-form tickets, and a visitor's reading before one
create index kb_portal_activity_tickets on kb_portal_activity (visitor, at) where kind = 'TICKET';
create index kb_portal_activity_visitor on kb_portal_activity (visitor, at) where kind <> 'TICKET';
create index kb_portal_activity_ticket_at on kb_portal_activity (at) where kind = 'TICKET';
