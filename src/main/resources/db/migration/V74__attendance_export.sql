-- Payroll export: each organisation's export profile (ordered columns with their header labels,
-- date formats) and the payroll code of each person, which the payroll provider knows them by.
create table att_export_profile (
    tenant_id        bigint                   not null primary key references tenant (id),
    columns_json     varchar(8000)            not null,
    date_format      varchar(40)              not null,
    date_time_format varchar(40)              not null,
    updated_at       timestamp with time zone not null
);

create table att_payroll_code (
    tenant_id    bigint                   not null references tenant (id),
    userid       varchar(64)              not null,
    payroll_code varchar(64)              not null,
    updated_at   timestamp with time zone not null,
    constraint att_payroll_code_pk primary key (tenant_id, userid),
    constraint att_payroll_code_uq unique (tenant_id, payroll_code)
);
