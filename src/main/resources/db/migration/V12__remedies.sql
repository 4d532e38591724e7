-- No-quibble remedies (issue 4): what the customer claims, the remedy ledger, and the built-in payment and
-- shipping ports' records. Plain ANSI types, for H2 and PostgreSQL alike.

-- Optional at intake: the amount the customer claims (EUR) and the order or product it is about.
alter table complaint add column claimed_amount numeric(19,2);
alter table complaint add column order_reference varchar(100);

create sequence remedy_seq start with 1 increment by 50;
create sequence payout_seq start with 1 increment by 50;
create sequence shipment_order_seq start with 1 increment by 50;

-- One remedy decision per complaint (and remedy): what the policy decided, who approved or refused it, and
-- how it was executed. The idempotency key goes with every call to the payment or shipping port.
create table remedy (
  id                          bigint primary key,
  complaint_id                bigint not null references complaint (id),
  tracking_number             varchar(20) not null,
  customer_id                 bigint,
  type                        varchar(16) not null,
  amount                      numeric(19,2) not null,
  currency                    varchar(3) not null,
  state                       varchar(20) not null,
  policy_note                 varchar(500),
  approval_needed             boolean not null,
  -- The abuse signal: the customer's earlier remedies in the 12 months before this decision.
  remedies_last_12_months     integer not null,
  remedy_total_last_12_months numeric(19,2) not null,
  decided_at                  timestamp(6) with time zone not null,
  approved_by                 varchar(64),
  refusal_reason              varchar(2000),
  settled_at                  timestamp(6) with time zone,
  executed_at                 timestamp(6) with time zone,
  external_reference          varchar(64),
  idempotency_key             varchar(64) not null,
  promise_id                  bigint,
  version                     bigint not null,
  constraint uk_remedy_idempotency_key unique (idempotency_key)
);
create index idx_remedy_complaint on remedy (complaint_id);
create index idx_remedy_customer on remedy (customer_id, decided_at);
create index idx_remedy_executed on remedy (executed_at);

-- The built-in payment gateway: one payout per idempotency key, whatever the number of calls.
create table payout (
  id               bigint primary key,
  idempotency_key  varchar(64) not null,
  reference        varchar(64) not null,
  amount           numeric(19,2) not null,
  currency         varchar(3) not null,
  beneficiary      varchar(64) not null,
  paid_at          timestamp(6) with time zone not null,
  constraint uk_payout_idempotency_key unique (idempotency_key),
  constraint uk_payout_reference unique (reference)
);

-- The built-in shipping service: one shipment order per idempotency key.
create table shipment_order (
  id               bigint primary key,
  idempotency_key  varchar(64) not null,
  reference        varchar(64) not null,
  order_reference  varchar(100),
  recipient        varchar(64) not null,
  ordered_at       timestamp(6) with time zone not null,
  constraint uk_shipment_order_idempotency_key unique (idempotency_key),
  constraint uk_shipment_order_reference unique (reference)
);
