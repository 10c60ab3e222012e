-- Each organisation's sign-in policy. No row means the installation's defaults apply.
create table idn_security_settings (
    tenant_id            bigint                   not null primary key references tenant (id),
    mfa_required_roles   varchar(1000)            not null,
    lockout_threshold    integer                  not null,
    lockout_minutes      integer                  not null,
    session_idle_minutes integer                  not null,
    updated_at           timestamp with time zone not null,
    updated_by           varchar(200)
);

-- An account's TOTP authenticator. The seed is sealed (encrypted) by the compliance module's
-- keys; last_used_step is the newest 30-second step whose code was accepted, so a code cannot
-- be used twice, on any node.
create table idn_totp (
    account_id     bigint                   not null primary key references idn_account (id),
    sealed_secret  varchar(1000)            not null,
    status         varchar(10)              not null,
    created_at     timestamp with time zone not null,
    confirmed_at   timestamp with time zone,
    last_used_step bigint
);

-- Devices (a label such as "Firefox on Linux") and IP addresses each account has signed in
-- from, so a sign-in from somewhere new can be flagged in the audit trail.
create table idn_known_client (
    account_id    bigint                   not null references idn_account (id),
    kind          varchar(10)              not null,
    client_value  varchar(120)             not null,
    first_seen_at timestamp with time zone not null,
    last_seen_at  timestamp with time zone not null,
    constraint idn_known_client_pk primary key (account_id, kind, client_value)
);

create index idn_session_tenant_idx on idn_session (tenant_id);
