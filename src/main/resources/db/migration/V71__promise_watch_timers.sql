-- When the promise's watch acts next: its reminder, its "Renegotiate in time" task and its deadline (parked while
-- the promise is paused). The watch's timers read them here; watches started before this kept them as variables.
alter table promise add column watch_remind_at timestamp(6) with time zone;
alter table promise add column watch_renegotiate_at timestamp(6) with time zone;
alter table promise add column watch_due_at timestamp(6) with time zone;
