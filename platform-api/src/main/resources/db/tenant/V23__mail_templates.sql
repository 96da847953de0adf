-- A workspace's own text of a mail it sends, per language; a mail without one uses the shipped default.
create table mail_templates (
    template   text        not null,
    language   text        not null,
    subject    text        not null,
    body_html  text        not null,
    body_text  text        not null,
    updated_by text,
    updated_at timestamptz not null default now(),
    version    integer     not null default 0,
    primary key (template, language)
);
