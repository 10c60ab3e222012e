-- DingTalk's HTTP callbacks are delivered by the open platform's durable webhooks. A subscription
-- now names the format its deliveries are sent in: 'lantau' (Lantau's signed JSON, webhooks.md) or
-- a format another module supplies, such as 'dingtalk' (DingTalk's encrypted callbacks, whose
-- token and AES key are the subscription's sealed secret). Lantau's own subscription API lists
-- only 'lantau' subscriptions.
alter table opf_subscription add column format varchar(20) default 'lantau' not null;
create index opf_subscription_format_idx on opf_subscription (tenant_id, app_id, format);
