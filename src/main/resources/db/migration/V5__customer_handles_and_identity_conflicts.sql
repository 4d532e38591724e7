-- Customers are recognised by their handles on social and chat networks too; contact details that point to
-- different customers are flagged on the complaint, never merged silently.

create sequence customer_handle_seq start with 1 increment by 50;

create table customer_handle (
  id           bigint primary key,
  customer_id  bigint not null references customer (id),
  network      varchar(16) not null,
  handle       varchar(100) not null,
  created_at   timestamp(6) with time zone not null,
  constraint uk_customer_handle unique (network, handle)
);
create index idx_customer_handle_customer on customer_handle (customer_id);

alter table complaint add column contact_handle varchar(100);
alter table complaint add column handle_network varchar(16);
alter table complaint add column identity_conflict varchar(1000);
