-- Rootfix's own tables (the engine manages its ACT_* tables itself). Portable SQL for H2 and PostgreSQL.

create sequence customer_seq start with 1 increment by 50;
create sequence complaint_seq start with 1 increment by 50;
create sequence customer_message_seq start with 1 increment by 50;
-- Tracking numbers count one by one, apart from the ids.
create sequence tracking_number_seq start with 1 increment by 1;

create table customer (
  id          bigint primary key,
  name        varchar(200) not null,
  email       varchar(320),
  phone       varchar(32),
  created_at  timestamp(6) with time zone not null
);
create index idx_customer_email on customer (email);
create index idx_customer_phone on customer (phone);

create table complaint (
  id                     bigint primary key,
  tracking_number        varchar(20) not null,
  customer_id            bigint references customer (id),
  process_instance_id    varchar(64),
  contact_name           varchar(200) not null,
  contact_email          varchar(320),
  contact_phone          varchar(32),
  channel                varchar(16) not null,
  category               varchar(16) not null,
  description            varchar(4000) not null,
  desired_outcome        varchar(16) not null,
  wanted_answer_date     date,
  agreed_answer_date     date,
  contact_preference     varchar(16),
  expectation_note       varchar(2000),
  owner                  varchar(64),
  patch_description      varchar(4000),
  root_cause_description varchar(4000),
  one_off                boolean not null,
  one_off_reason         varchar(2000),
  fix_description        varchar(4000),
  answer_text            varchar(4000),
  reported_at            timestamp(6) with time zone,
  customer_comment       varchar(2000),
  closing_note           varchar(2000),
  state                  varchar(20) not null,
  reopen_count           integer not null,
  created_at             timestamp(6) with time zone not null,
  updated_at             timestamp(6) with time zone not null,
  closed_at              timestamp(6) with time zone,
  version                bigint not null,
  constraint uk_complaint_tracking_number unique (tracking_number)
);
create index idx_complaint_customer on complaint (customer_id);
create index idx_complaint_closed_at on complaint (closed_at);

create table customer_message (
  id            bigint primary key,
  complaint_id  bigint not null references complaint (id),
  kind          varchar(32) not null,
  channel       varchar(16) not null,
  recipient     varchar(320),
  subject       varchar(200) not null,
  body          varchar(8000) not null,
  created_at    timestamp(6) with time zone not null,
  sent_at       timestamp(6) with time zone,
  failure       varchar(2000)
);
create index idx_customer_message_complaint on customer_message (complaint_id);
