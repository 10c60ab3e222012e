-- Groups an app created through DingTalk's /chat/create. As in DingTalk, an app reads and posts
-- (/chat/get, /chat/send, the robots' group messages) only in the groups it created.
create table cpt_app_chat (
    tenant_id       bigint                   not null references tenant (id),
    conversation_id varchar(64)              not null,
    app_id          bigint                   not null,
    created_at      timestamp with time zone not null,
    primary key (tenant_id, conversation_id)
);
