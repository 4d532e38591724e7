-- The answer promise's deadline on the complaint row: the due date of the complaint's tasks and of its remedy's
-- approval, which the models read from here (AnswerDueFromComplaint) instead of a process variable. Set when the
-- expectation is agreed and whenever the answer promise moves. Complaints agreed before keep their variable, which
-- the models read while this is empty.
alter table complaint add column answer_due_at timestamp(6) with time zone;
