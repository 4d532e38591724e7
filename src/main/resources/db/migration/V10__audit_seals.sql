-- Seals of closed complaints, chained (audit feature).
create sequence audit_seal_seq start with 1 increment by 1;

create table audit_seal (
  id               bigint primary key,
  position         bigint not null,
  complaint_id     bigint not null references complaint (id),
  tracking_number  varchar(20) not null,
  previous_digest  varchar(64) not null,
  digest           varchar(64) not null,
  sealed_at        timestamp(6) with time zone not null,
  constraint uk_audit_seal_position unique (position),
  constraint uk_audit_seal_complaint unique (complaint_id)
);
