-- A customer who comes back about an open complaint is attached to it as a contact and counted.

create sequence complaint_contact_seq start with 1 increment by 50;

create table complaint_contact (
  id            bigint primary key,
  complaint_id  bigint not null references complaint (id),
  channel       varchar(16) not null,
  received_at   timestamp(6) with time zone not null,
  text          varchar(4000) not null
);
create index idx_complaint_contact_complaint on complaint_contact (complaint_id);

alter table complaint add column repeat_contacts integer default 0 not null;
alter table complaint add column last_contact_at timestamp(6) with time zone;
update complaint set last_contact_at = created_at;
alter table complaint alter column last_contact_at set not null;
-- A customer's open complaints in a category, latest contact first.
create index idx_complaint_customer_category on complaint (customer_id, category, last_contact_at);
