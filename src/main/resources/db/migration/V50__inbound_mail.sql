-- The support mailbox (issue 21): every e-mail Rootfix read, once per Message-ID, with what became of it. The unique
-- message id makes a second delivery of the same e-mail do nothing. A mail that was not filed into a complaint (an
-- auto-reply, a bounce, one an agent must read) keeps its raw text here, cut at rootfix.mail.inbound.keep-raw-up-to.
create sequence inbound_mail_seq start with 1 increment by 50;

create table inbound_mail (
  id              bigint primary key,
  message_id      varchar(998) not null,
  received_at     timestamp(6) with time zone not null,
  sender          varchar(320),
  subject         varchar(200),
  outcome         varchar(20) not null,
  reason          varchar(2000),
  tracking_number varchar(20),
  raw_content     bytea,
  raw_size        bigint not null,
  handled_by      varchar(64),
  handled_at      timestamp(6) with time zone,
  constraint inbound_mail_message_id unique (message_id)
);

create index inbound_mail_tracking_number on inbound_mail (tracking_number);

-- Our own Message-ID on every e-mail we send, so a customer's reply (In-Reply-To, References) finds its complaint.
alter table customer_message add column message_id varchar(998);
create index customer_message_message_id on customer_message (message_id);
