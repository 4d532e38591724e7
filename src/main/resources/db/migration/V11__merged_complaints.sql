-- Two complaints of one customer about one matter are merged: the merged one leads to the one that goes on.
-- Numbered after V10 (audit seals, already on main), so Flyway applies the versions in order once both meet.
alter table complaint add column merged_into varchar(20);
create index idx_complaint_merged_into on complaint (merged_into);
