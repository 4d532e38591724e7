-- The outbox sender delivers e-mails at most once, with retries; other channels are for agents to send.

alter table customer_message add column tracking_number varchar(20);
update customer_message set tracking_number = (select c.tracking_number from complaint c where c.id = customer_message.complaint_id);
alter table customer_message alter column tracking_number set not null;

alter table customer_message add column state varchar(16) default 'PENDING' not null;
alter table customer_message add column attempts integer default 0 not null;
alter table customer_message add column next_attempt_at timestamp(6) with time zone;
alter table customer_message add column claimed_at timestamp(6) with time zone;
alter table customer_message add column sent_by varchar(64);

update customer_message set state = 'SENT' where sent_at is not null;
update customer_message set state = 'FOR_AGENT'
  where sent_at is null and not (channel in ('email', 'web') and recipient like '%@%');

-- The sender's query: pending e-mails whose attempt is due; agents' list: what is theirs to send.
create index idx_customer_message_state on customer_message (state, next_attempt_at);
