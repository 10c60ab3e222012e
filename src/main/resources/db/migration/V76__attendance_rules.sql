-- The language a person used Lantau in when they acknowledged the monitoring notice ('en' or
-- 'zh-HK'); attendance notices to them are written in the language of their latest acknowledgement.
alter table att_notice_ack add column language varchar(10);
