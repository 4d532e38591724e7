-- What the remedy policy read from the complaint when it decided (its other inputs, the customer's remedies and their
-- total in the last 12 months, are already on the row): the remedy row holds every input of its decision, so the
-- engine's history keeps the decision's outcome without repeating them. Remedies decided before have them in history.
alter table remedy add column desired_outcome varchar(32);
alter table remedy add column category varchar(16);
alter table remedy add column claimed_amount numeric(19,2);
