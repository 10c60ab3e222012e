-- Spring Modulith's durable event registry: events handed to asynchronous listeners are kept
-- here until each listener has completed, so none is lost across a crash or restart.
create table event_publication (
    id               uuid                     not null primary key,
    listener_id      varchar(512)             not null,
    event_type       varchar(512)             not null,
    serialized_event varchar(100000)          not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
