-- The audit trail: one hash chain per organisation (chain = tenant id) and one for the
-- installation (chain 0). Rows are only ever inserted; each row's hash is an HMAC over its fields
-- and the previous row's hash, keyed with a secret kept outside the database.
create table cmp_audit_head (
    chain     bigint      not null primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null
);

create table cmp_audit_record (
    chain       bigint                   not null,
    seq         bigint                   not null,
    occurred_at timestamp with time zone not null,
    actor_kind  varchar(16)              not null,
    actor_ref   varchar(200)             not null,
    actor_name  varchar(200),
    ip          varchar(64),
    request_id  varchar(64),
    action      varchar(120)             not null,
    target_type varchar(60),
    target_id   varchar(200),
    changes     varchar(100000)          not null,
    prev_hash   varchar(64)              not null,
    hash        varchar(64)              not null,
    constraint cmp_audit_record_pk primary key (chain, seq)
);
create index cmp_audit_record_target_idx on cmp_audit_record (chain, target_type, target_id);
create index cmp_audit_record_actor_idx on cmp_audit_record (chain, actor_ref);

insert into cmp_audit_head (chain, last_seq, last_hash)
values (0, 0, '0000000000000000000000000000000000000000000000000000000000000000');
