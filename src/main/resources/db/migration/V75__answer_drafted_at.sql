-- When the latest draft was written: with reported_at it says whether a draft awaits sending, and so who the next
-- Report back (a returned draft) goes to, who may not review it, and that a reopened complaint's next answer is its
-- owner's again (Complaint#pendingDraftBy). The process kept the drafter as a variable before 8 December 2026.
alter table complaint add column answer_drafted_at timestamp(6) with time zone;
