-- Locks for scheduled jobs (ShedLock), so that a job such as a retention purge runs on one node
-- at a time however many nodes share the database.
create table shedlock (
    name       varchar(64)              not null primary key,
    lock_until timestamp with time zone not null,
    locked_at  timestamp with time zone not null,
    locked_by  varchar(255)             not null
);
