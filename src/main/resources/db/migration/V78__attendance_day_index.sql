-- A punch reads the person's records of the day by (tenant, person, work date), which the unique
-- key answers. H2 weighs that key against att_record_date_ix by their statistics, and from an empty
-- or freshly analysed table it picks the date index: every punch then walks all of the
-- organisation's records of the day, so a morning peak slows as it fills (measured: 50,000
-- clock-ins that took 57 s were not through after five minutes). With the person as the index's
-- third column either choice seeks straight to the person's rows; reads by date alone (the daily
-- close, reports) still use its first two columns.
drop index att_record_date_ix;
create index att_record_date_ix on att_record (tenant_id, work_date, userid);
