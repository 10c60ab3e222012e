-- DingTalk's sign-in for apps: the addresses an app may receive codes at, the one-time codes the
-- authorisation page issues to a signed-in person (5 minutes, single use), and the user tokens
-- (2 hours) and refresh tokens (30 days) /v1.0/oauth2/userAccessToken exchanges them for. Codes and
-- tokens are kept only as SHA-256 hashes; they are looked up by hash, the organisation comes with
-- the row.
create table cpt_app_redirect (
    tenant_id  bigint                   not null references tenant (id),
    app_id     bigint                   not null,
    uri        varchar(2000)            not null,
    created_at timestamp with time zone not null,
    primary key (tenant_id, app_id, uri)
);

create table cpt_sign_in_code (
    code_hash    varchar(64)              not null primary key,
    tenant_id    bigint                   not null references tenant (id),
    app_id       bigint                   not null,
    user_id      varchar(64)              not null,
    expires_at   timestamp with time zone not null,
    created_at   timestamp with time zone not null
);
create index cpt_sign_in_code_expiry on cpt_sign_in_code (tenant_id, expires_at);

create table cpt_user_token (
    token_hash varchar(64)              not null primary key,
    kind       varchar(10)              not null,
    tenant_id  bigint                   not null references tenant (id),
    app_id     bigint                   not null,
    user_id    varchar(64)              not null,
    expires_at timestamp with time zone not null,
    created_at timestamp with time zone not null
);
create index cpt_user_token_expiry on cpt_user_token (tenant_id, expires_at);
