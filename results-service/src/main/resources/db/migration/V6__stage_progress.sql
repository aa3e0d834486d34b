-- Progress bars over REST (issue 13): how far a stage's training has come, from the latest attempt's TrainingStarted
-- (planned steps, the step it resumed from, when) and the latest TrainingProgress after it (step, epoch, loss, when).
-- The loss curve keeps every point; these columns keep only the newest, so the lineage carries it without a join.
alter table stages add column progress_attempt integer;
alter table stages add column planned_steps bigint;
alter table stages add column resumed_from_step bigint;
alter table stages add column attempt_started_at timestamp with time zone;
alter table stages add column progress_step bigint;
alter table stages add column progress_epoch integer;
alter table stages add column progress_loss double precision;
alter table stages add column progress_at timestamp with time zone;
