-- The answer review policy's decision on the latest draft, on the complaint row: Review the answer shows why, Send the
-- answer records it with the evidence. The process keeps neither value; the decision instance keeps what decided it.
-- Empty until a draft is decided (and again when a new draft awaits its decision); drafts decided before 8 December
-- 2026 have it as process variables.
alter table complaint add column answer_review_needed boolean;
alter table complaint add column answer_review_policy varchar(200);
