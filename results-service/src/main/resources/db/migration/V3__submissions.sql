-- Idempotent submission (issue 10): a POST with an Idempotency-Key is answered from here when it is retried, so a
-- lost answer never creates a second experiment. Keys are per submitter (scope = sha256(submitter NUL key)); the
-- body's hash tells a retry from a reuse of the key for another spec.
create table submissions (
    scope               varchar(64)   not null primary key,
    submitter           varchar(255)  not null,
    body_sha256         varchar(64)   not null,
    experiment_id       varchar(255)  not null,
    created_at          timestamp with time zone not null
);
