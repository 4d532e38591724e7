-- Indexes for the queries Rootfix runs most, checked with EXPLAIN on PostgreSQL (PostgresQueriesIT).
-- Already there: open promises by due date (idx_promise_state_due, V2), a customer's complaints
-- (idx_complaint_customer, V1; idx_complaint_customer_category, V6).

-- Audit by close date: the sealing round and the completeness check take closed complaints by state, in the
-- order they closed; (closed_at) alone made PostgreSQL read every complaint to filter the state.
create index idx_complaint_state_closed on complaint (state, closed_at, id);

-- A complaint's contacts in the order they came (repeat contacts, a customer's history).
create index idx_complaint_contact_received on complaint_contact (complaint_id, received_at);

-- The complaints of a root cause (told when it is fixed): a foreign key PostgreSQL does not index by itself.
create index idx_complaint_root_cause on complaint (root_cause_id);

-- The latest message to a complaint's customer (keeping the customer in the loop).
create index idx_customer_message_complaint_created on customer_message (complaint_id, created_at);
