-- the workspace's logo lives in the file store; the settings row knows its media type (null: no logo)
alter table workspace_settings add column logo_type text;
