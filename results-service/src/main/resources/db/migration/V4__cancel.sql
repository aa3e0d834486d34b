-- Cancel (issue 9): an experiment and its unfinished runs can end CANCELLED (status columns hold the enum names, so
-- the new status needs no change there); the experiment keeps when and by whom it was cancelled.
alter table experiments add column cancelled_at timestamp with time zone;
alter table experiments add column cancelled_by varchar(255);
