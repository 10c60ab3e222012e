-- An app's robot: where DingTalk-style robot messages are POSTed (HTTP mode), the secret they are
-- signed with (sealed with compliance's SecretSealing; Lantau keeps app secrets only as hashes, so it
-- cannot sign with them), and the 20-a-minute window of its answers through sendBySession, counted
-- in the transaction that posts them. A row is made on first use.
create table cpt_app_robot (
    tenant_id      bigint                   not null references tenant (id),
    app_id         bigint                   not null,
    message_url    varchar(2000),
    secret_sealed  varchar(1000),
    window_start   timestamp with time zone,
    window_count   integer                  not null,
    blocked_until  timestamp with time zone,
    updated_at     timestamp with time zone not null,
    primary key (tenant_id, app_id)
);

-- The sessionWebhook handed out with each robot message: it lets the app answer in that
-- conversation as its robot until it expires (90 minutes). Kept only as a SHA-256 hash of the
-- session parameter, looked up by hash; the organisation comes with the row.
create table cpt_robot_session (
    session_hash    varchar(64)              not null primary key,
    tenant_id       bigint                   not null references tenant (id),
    app_id          bigint                   not null,
    conversation_id varchar(64)              not null,
    expires_at      timestamp with time zone not null,
    created_at      timestamp with time zone not null
);
create index cpt_robot_session_expiry on cpt_robot_session (tenant_id, expires_at);
