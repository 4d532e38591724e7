-- The status page sends a customer their personal link on request (docs/customer-links.md): at most one message per
-- complaint and purpose per 15 minutes, so nobody can flood a customer's mailbox or phone through it.
create table status_link_request (
  complaint_id  bigint not null references complaint (id),
  purpose       varchar(16) not null,
  sent_at       timestamp(6) with time zone not null,
  primary key (complaint_id, purpose)
);
