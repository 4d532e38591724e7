-- First time right: severity at intake, the drafted answer and its review, evidence of every answer sent,
-- and the controlled reasons behind every decision that changes a complaint's course.

alter table complaint add column severity varchar(16) default 'NORMAL' not null;
-- The answer an agent drafted on "Report back", before it is reviewed (if the policy asks) and sent.
alter table complaint add column answer_draft varchar(4000);
alter table complaint add column answer_drafted_by varchar(64);

-- One row per answer sent to the customer: the exact text, the channel and the time, and the outbox message it
-- went out as (its id is the message's id: one answer, one message).
create table answer_evidence (
  customer_message_id  bigint primary key references customer_message (id),
  complaint_id         bigint not null references complaint (id),
  tracking_number      varchar(20) not null,
  channel              varchar(16) not null,
  recipient            varchar(320),
  subject              varchar(200) not null,
  sent_text            varchar(8000) not null,
  answer_text          varchar(4000),
  sent_at              timestamp(6) with time zone not null,
  drafted_by           varchar(64),
  review_required      boolean default false not null,
  review_policy        varchar(200),
  reviewed_by          varchar(64)
);
create index idx_answer_evidence_complaint on answer_evidence (complaint_id, sent_at);

-- Answers sent before this version: the report message in the outbox is the evidence of what the customer got.
insert into answer_evidence (customer_message_id, complaint_id, tracking_number, channel, recipient, subject, sent_text,
    answer_text, sent_at, drafted_by, review_required, review_policy, reviewed_by)
  select m.id, m.complaint_id, m.tracking_number, m.channel, m.recipient, m.subject, m.body,
    null, m.created_at, null, false, null, null
  from customer_message m where m.kind = 'REPORT';

-- A reason from the controlled list (processes/controlled-reasons.dmn) with the note of who chose it.
create sequence recorded_reason_seq start with 1 increment by 50;

create table recorded_reason (
  id               bigint primary key,
  complaint_id     bigint references complaint (id),
  tracking_number  varchar(20),
  step             varchar(40) not null,
  code             varchar(40) not null,
  label            varchar(200),
  note             varchar(2000) not null,
  recorded_by      varchar(64) not null,
  recorded_at      timestamp(6) with time zone not null
);
create index idx_recorded_reason_time on recorded_reason (recorded_at, step, code);
create index idx_recorded_reason_complaint on recorded_reason (complaint_id);
