-- Every promise ends by someone's act: who kept it, and a promise released when its complaint closed
-- (with the note why; the customer was told).
alter table promise add column kept_by varchar(64);
alter table promise add column released_at timestamp(6) with time zone;
alter table promise add column released_by varchar(64);
alter table promise add column release_note varchar(2000);
