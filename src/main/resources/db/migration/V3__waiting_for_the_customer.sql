-- Waiting for the customer's information pauses the answer promise.
alter table complaint add column information_request varchar(2000);
alter table complaint add column customer_information varchar(4000);
alter table complaint add column waiting_since timestamp(6) with time zone;
alter table promise add column paused_since timestamp(6) with time zone;
