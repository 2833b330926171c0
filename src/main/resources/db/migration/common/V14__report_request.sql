-- Run-now and backfill requests of the console and API (issue 16): one row per request, inserted QUEUED with the
-- one-off Quartz trigger that carries it (in the same transaction), so any node of a cluster may execute it.
-- The executing node marks it RUNNING, then DONE, FAILED or STOPPED; execution_ids lists the runs it made.
CREATE TABLE IF NOT EXISTS report_request (
    id             VARCHAR(36)    NOT NULL PRIMARY KEY,
    kind           VARCHAR(16)    NOT NULL CHECK (kind IN ('RUN', 'BACKFILL')),
    job_name       VARCHAR(128)   NOT NULL,
    first_week     VARCHAR(8)     NOT NULL,  -- ISO week, e.g. 2026-W46
    last_week      VARCHAR(8)     NOT NULL,
    email          BOOLEAN        NOT NULL,
    force_refresh  BOOLEAN        NOT NULL,
    requested_by   VARCHAR(128)   NOT NULL,
    requested_at   BIGINT         NOT NULL,  -- epoch milliseconds
    state          VARCHAR(16)    NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'STOPPED')),
    started_at     BIGINT,
    ended_at       BIGINT,
    node           VARCHAR(200),
    execution_ids  VARCHAR(2000)  NOT NULL DEFAULT '',  -- comma-separated Spring Batch job execution ids
    message        VARCHAR(2000)
);

CREATE INDEX IF NOT EXISTS report_request_by_job ON report_request (job_name, requested_at);
