-- Root causes (problem records) and the complaints they hit.

create sequence root_cause_seq start with 1 increment by 50;
create sequence root_cause_link_seq start with 1 increment by 50;

create table root_cause (
  id                   bigint primary key,
  title                varchar(200) not null,
  description          varchar(4000) not null,
  category             varchar(16) not null,
  owner_group          varchar(64) not null,
  state                varchar(20) not null,
  wont_fix_reason      varchar(2000),
  fix_deadline         timestamp(6) with time zone,
  fix_description      varchar(4000),
  fixed_by             varchar(64),
  fixed_at             timestamp(6) with time zone,
  verified_by          varchar(64),
  verification_note    varchar(2000),
  created_at           timestamp(6) with time zone not null,
  created_by           varchar(64),
  process_instance_id  varchar(64),
  version              bigint not null
);
create index idx_root_cause_category_state on root_cause (category, state);

create table root_cause_link (
  id               bigint primary key,
  root_cause_id    bigint not null references root_cause (id),
  complaint_id     bigint not null references complaint (id),
  tracking_number  varchar(20) not null,
  linked_at        timestamp(6) with time zone not null,
  linked_by        varchar(64),
  told_at          timestamp(6) with time zone
);
create index idx_root_cause_link_root_cause on root_cause_link (root_cause_id);
create index idx_root_cause_link_linked_at on root_cause_link (linked_at);

alter table complaint add column root_cause_id bigint references root_cause (id);
