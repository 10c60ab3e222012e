-- The directory: departments, people, memberships, roles and role grants. Every row carries
-- tenant_id and every query filters by it.

-- Department ids other than the root (1 in every organisation, as in DingTalk) come from one
-- installation-wide sequence, so an id never names departments in two organisations.
create sequence dir_department_id_seq start with 100;

create table dir_department (
    tenant_id  bigint                   not null references tenant (id),
    id         bigint                   not null,
    parent_id  bigint,
    name       varchar(64)              not null,
    sort_order integer                  not null default 0,
    is_virtual boolean                  not null default false,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    constraint dir_department_pk primary key (tenant_id, id),
    constraint dir_department_parent_fk foreign key (tenant_id, parent_id) references dir_department (tenant_id, id),
    constraint dir_department_sibling_name_uk unique (tenant_id, parent_id, name)
);
create index dir_department_by_parent on dir_department (tenant_id, parent_id);

-- Protected fields are stored only as ciphertext (FieldProtection.encrypt). Mobile and HKID also
-- have a blind index (a keyed hash of the normalised value) for look-ups and uniqueness.
-- email_key and mobile_index are cleared when a person leaves, so the address and number can be
-- given to someone new while the leaver's record stays.
create table dir_user (
    tenant_id                   bigint                   not null references tenant (id),
    userid                      varchar(64)              not null,
    name                        varchar(80)              not null,
    email                       varchar(254),
    email_key                   varchar(254),
    job_number                  varchar(64),
    title                       varchar(100),
    hire_date                   date,
    manager_userid              varchar(64),
    work_place                  varchar(100),
    remark                      varchar(1000),
    contract_end_date           date,
    status                      varchar(20)              not null,
    left_at                     timestamp with time zone,
    erased_at                   timestamp with time zone,
    mobile_cipher               varchar(1000),
    mobile_index                varchar(128),
    hkid_cipher                 varchar(1000),
    hkid_index                  varchar(128),
    home_address_cipher         varchar(2000),
    bank_account_cipher         varchar(1000),
    emergency_contact_cipher    varchar(1000),
    medical_notes_cipher        varchar(8000),
    created_at                  timestamp with time zone not null,
    updated_at                  timestamp with time zone not null,
    constraint dir_user_pk primary key (tenant_id, userid),
    constraint dir_user_email_uk unique (tenant_id, email_key),
    constraint dir_user_mobile_uk unique (tenant_id, mobile_index),
    constraint dir_user_status_ck check (status in ('ACTIVE', 'SUSPENDED', 'LEFT'))
);
create index dir_user_by_name on dir_user (tenant_id, name, userid);
create index dir_user_by_hkid on dir_user (tenant_id, hkid_index);
create index dir_user_by_manager on dir_user (tenant_id, manager_userid);

create table dir_membership (
    tenant_id     bigint                   not null,
    department_id bigint                   not null,
    userid        varchar(64)              not null,
    is_leader     boolean                  not null default false,
    sort_order    integer                  not null default 0,
    created_at    timestamp with time zone not null,
    constraint dir_membership_pk primary key (tenant_id, department_id, userid),
    constraint dir_membership_department_fk foreign key (tenant_id, department_id)
        references dir_department (tenant_id, id),
    constraint dir_membership_user_fk foreign key (tenant_id, userid) references dir_user (tenant_id, userid)
);
create index dir_membership_by_user on dir_membership (tenant_id, userid);

create table dir_role (
    tenant_id  bigint                   not null references tenant (id),
    role_key   varchar(64)              not null,
    name       varchar(100)             not null,
    built_in   boolean                  not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    constraint dir_role_pk primary key (tenant_id, role_key)
);

create table dir_role_permission (
    tenant_id  bigint      not null,
    role_key   varchar(64) not null,
    permission varchar(64) not null,
    constraint dir_role_permission_pk primary key (tenant_id, role_key, permission),
    constraint dir_role_permission_role_fk foreign key (tenant_id, role_key) references dir_role (tenant_id, role_key)
);

create table dir_role_grant (
    tenant_id  bigint                   not null,
    userid     varchar(64)              not null,
    role_key   varchar(64)              not null,
    granted_at timestamp with time zone not null,
    constraint dir_role_grant_pk primary key (tenant_id, userid, role_key),
    constraint dir_role_grant_role_fk foreign key (tenant_id, role_key) references dir_role (tenant_id, role_key),
    constraint dir_role_grant_user_fk foreign key (tenant_id, userid) references dir_user (tenant_id, userid)
);
create index dir_role_grant_by_role on dir_role_grant (tenant_id, role_key);
