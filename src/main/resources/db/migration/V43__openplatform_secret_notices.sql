-- The expiry notices sent for each app secret (14 and 1 days before), so each goes out once.
create table opf_secret_notice (
    secret_id   bigint                   not null references opf_app_secret (id),
    tenant_id   bigint                   not null,
    days_before integer                  not null,
    sent_at     timestamp with time zone not null,
    constraint opf_secret_notice_pk primary key (secret_id, days_before)
);
