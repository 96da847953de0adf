-- The knowledge base: a category tree, articles with their revisions, and what readers do with them.

create table kb_categories (
    id          bigint generated always as identity primary key,
    name        text        not null,
    description text,
    parent_id   bigint references kb_categories (id) on delete restrict,
    position    integer     not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer     not null default 0
);
create unique index kb_categories_name on kb_categories (coalesce(parent_id, 0), lower(name));
create index kb_categories_parent on kb_categories (parent_id);

-- search_config is the PostgreSQL text search configuration of the article's language (simple where PostgreSQL has
-- none); the weighted vector is built with it: title A, excerpt and tags B, body C.
create table kb_articles (
    id                bigint generated always as identity primary key,
    title             text        not null,
    slug              text        not null,
    excerpt           text,
    body_html         text        not null,
    body_text         text        not null,
    tags              text[]      not null default '{}',
    tags_text         text        not null default '',
    language          text        not null,
    search_config     regconfig   not null,
    status            text        not null check (status in ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED')),
    visibility        text        not null check (visibility in ('PUBLIC', 'INTERNAL')),
    category_id       bigint references kb_categories (id) on delete set null,
    author_id         text,
    author_name       text        not null,
    review_comment    text,
    reviewed_by       text,
    revision          integer     not null default 1,
    published_at      timestamptz,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           integer     not null default 0,
    search            tsvector generated always as (
                          setweight(to_tsvector(search_config, title), 'A')
                          || setweight(to_tsvector(search_config, coalesce(excerpt, '')), 'B')
                          || setweight(to_tsvector(search_config, tags_text), 'B')
                          || setweight(to_tsvector(search_config, body_text), 'C')) stored
);
-- the vector stays in the row (compressed) rather than in TOAST: ranking reads it for every match, and fetching it
-- from TOAST made a search matching a fifth of 100,000 articles six times slower
alter table kb_articles alter column search set storage main;
create unique index kb_articles_slug on kb_articles (slug);
create index kb_articles_search on kb_articles using gin (search);
create index kb_articles_tags on kb_articles using gin (tags);
create index kb_articles_category on kb_articles (category_id, id);
create index kb_articles_status on kb_articles (status, visibility, id);

-- Every content change keeps the content it produced.
create table kb_article_revisions (
    id          bigint generated always as identity primary key,
    article_id  bigint      not null references kb_articles (id) on delete cascade,
    revision    integer     not null,
    title       text        not null,
    excerpt     text,
    body_html   text        not null,
    tags        text[]      not null default '{}',
    language    text        not null,
    category_id bigint,
    visibility  text        not null,
    author_id   text,
    author_name text        not null,
    note        text,
    created_at  timestamptz not null default now()
);
create unique index kb_article_revisions_number on kb_article_revisions (article_id, revision);

-- One view per visitor (user id, or a keyed hash of IP address and user agent: never the address) and day.
create table kb_article_views (
    article_id bigint not null references kb_articles (id) on delete cascade,
    visitor    text   not null,
    day        date   not null,
    primary key (article_id, visitor, day)
);
create index kb_article_views_day on kb_article_views (day, article_id);

-- Counted views per article, kept apart so that counting does not rewrite the article row (and its search vector).
create table kb_article_stats (
    article_id bigint primary key references kb_articles (id) on delete cascade,
    views      bigint not null default 0
);
create index kb_article_stats_views on kb_article_stats (views desc, article_id);

-- One vote per user or visitor; voting again changes it.
create table kb_article_votes (
    article_id bigint      not null references kb_articles (id) on delete cascade,
    voter      text        not null,
    helpful    boolean     not null,
    voted_at   timestamptz not null default now(),
    primary key (article_id, voter)
);

-- Searches that found nothing, normalised, with how often and when last.
create table kb_search_misses (
    query      text primary key,
    count      bigint      not null default 1,
    first_at   timestamptz not null default now(),
    last_at    timestamptz not null default now()
);
create index kb_search_misses_count on kb_search_misses (count desc, query);
