-- The token DingTalk's token endpoints last handed out to each app, sealed (compliance's
-- SecretSealing), so the same token can be returned while it is valid, as DingTalk does. The open
-- platform keeps only hashes of tokens; this is the one place a token can be read back.
create table cpt_app_token (
    tenant_id    bigint                   not null references tenant (id),
    app_id       bigint                   not null,
    sealed_token varchar(1000)            not null,
    expires_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    primary key (tenant_id, app_id)
);
