-- Below exact match (issue 8 and 12): teacher-forced scores and the logit lens of every evaluation, and the method's
-- penalty terms on the loss curve. All new columns are nullable: lineages stored before them stay valid.

alter table evaluations add column mean_log_prob double precision;
alter table evaluations add column token_accuracy double precision;
-- facts whose gold answer's first token is the lens's top-1 at no depth
alter table evaluations add column never_top1 integer;

-- The logit lens of one evaluation, one row per depth (0 = the embedding output, l = after layer l).
create table lens_depths (
    evaluation_id       bigint        not null references evaluations (id),
    depth               integer       not null,
    mean_probability    double precision not null,
    top1_rate           double precision not null,
    first_top1          integer       not null,
    primary key (evaluation_id, depth)
);

alter table loss_points add column penalty double precision;
