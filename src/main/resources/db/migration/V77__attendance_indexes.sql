-- A punch first asks for the person's latest punch (the one-minute duplicate check). The unique
-- key leads with the person but orders by work date, so without this index that read sorts all of
-- the person's records, which grow by two a working day for as long as records are kept.
create index att_record_last_punch_ix on att_record (tenant_id, userid, user_time);
