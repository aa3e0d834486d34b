-- Cost per cell (issue 13): what training a stage and evaluating its checkpoint cost, from the optional DeviceCost of
-- StageCompleted and EvalCompleted. device is gpu or cpu; device_seconds are GPU-seconds or CPU-seconds; devices the
-- GPUs used or the CPUs the process could use; hardware the GPU's or CPU's model name. Null when the event had none.
alter table stages add column train_device varchar(8);
alter table stages add column train_device_seconds double precision;
alter table stages add column train_wall_seconds double precision;
alter table stages add column train_devices integer;
alter table stages add column train_hardware varchar;
alter table stages add column eval_device varchar(8);
alter table stages add column eval_device_seconds double precision;
alter table stages add column eval_wall_seconds double precision;
alter table stages add column eval_devices integer;
alter table stages add column eval_hardware varchar;
