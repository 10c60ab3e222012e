-- A punch reads the person's records of the day and the person's latest punch. Each had a second
-- index a planner could take instead of the right one when its statistics were those of a small or
-- empty table (a new organisation's first morning; H2 after its table was analysed empty), and then
-- every punch walked all of the organisation's records of the day, or all of its punches newest
-- first, so a morning peak slowed as it filled (measured: 50,000 clock-ins that took 57 s were not
-- through after five minutes).
--
-- The date index gets the person as its third column, so either choice for the day's records seeks
-- straight to the person's rows; reads by date alone (the daily close, reports) use its first two.
drop index att_record_date_ix;
create index att_record_date_ix on att_record (tenant_id, work_date, userid);
-- (tenant_id, user_time) served only the retention job, which asks for punches whose location is
-- still kept; ordered by user_time per organisation it also offered itself for "the person's latest
-- punch". With location_dropped second it no longer does, and retention reads exactly its rows.
drop index att_record_user_time_ix;
create index att_record_retention_ix on att_record (tenant_id, location_dropped, user_time);
