-- Promises to customers and their renegotiations (promise feature).

create sequence promise_seq start with 1 increment by 50;
create sequence promise_renegotiation_seq start with 1 increment by 50;

create table promise (
  id                   bigint primary key,
  complaint_id         bigint not null references complaint (id),
  tracking_number      varchar(20) not null,
  type                 varchar(16) not null,
  text                 varchar(500) not null,
  window_from          timestamp(6) with time zone,
  due_at               timestamp(6) with time zone not null,
  made_by              varchar(64),
  made_at              timestamp(6) with time zone not null,
  state                varchar(16) not null,
  kept_at              timestamp(6) with time zone,
  broken_at            timestamp(6) with time zone,
  reminded_at          timestamp(6) with time zone,
  escalation_note      varchar(2000),
  process_instance_id  varchar(64),
  version              bigint not null
);
-- Open promises nearest their deadline; a complaint's promises.
create index idx_promise_state_due on promise (state, due_at);
create index idx_promise_tracking_number on promise (tracking_number);
create index idx_promise_complaint on promise (complaint_id, type, state);

create table promise_renegotiation (
  id                    bigint primary key,
  promise_id            bigint not null references promise (id),
  old_due_at            timestamp(6) with time zone not null,
  new_due_at            timestamp(6) with time zone not null,
  reason                varchar(2000) not null,
  customer_told_in_time boolean not null,
  renegotiated_by       varchar(64),
  renegotiated_at       timestamp(6) with time zone not null
);
create index idx_promise_renegotiation_promise on promise_renegotiation (promise_id);
