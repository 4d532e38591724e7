-- The language the customer hears from us in (issue 21): from the channel at intake; Dutch for every complaint
-- filed before.
alter table complaint add column language varchar(2) default 'nl' not null;

-- After closing, the customer is asked once how much effort it took (customer effort score, 1 = very little,
-- 7 = a great deal), through the personal link in the closing message. One answer per complaint.
create table customer_effort (
  complaint_id     bigint primary key references complaint (id),
  tracking_number  varchar(20) not null,
  score            integer not null check (score between 1 and 7),
  comment          varchar(2000),
  answered_at      timestamp(6) with time zone not null
);
