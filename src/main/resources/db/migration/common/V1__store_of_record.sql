-- The store of record: every loss row the vendor reported, per fetched window, exactly once.
-- The vendor may not serve old weeks again, so nothing here is ever deleted by retention.

-- One row per (source, task, window) that was fetched and committed. A window fetched for a group of
-- up to five TaskIDs is recorded once per task, so regrouping tasks never re-fetches what is stored.
-- task_id is '' for overall statistics (all_member_push_loss with no TaskID) and for normal_push_loss.
CREATE TABLE IF NOT EXISTS fetched_window (
    app_id        BIGINT       NOT NULL,
    source        VARCHAR(16)  NOT NULL,  -- LossSource name: ALL_MEMBER | NORMAL
    task_id       VARCHAR(256) NOT NULL,
    window_start  BIGINT       NOT NULL,  -- epoch seconds, inclusive
    window_end    BIGINT       NOT NULL,  -- epoch seconds, exclusive
    fetched_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    status        VARCHAR(16)  NOT NULL,  -- STORED
    row_count     INT          NOT NULL,
    PRIMARY KEY (app_id, source, task_id, window_start, window_end)
);

-- One row per loss figure. vendor is -1 for stage-level rows (ReadyToSendLoss / PostSendDeliveredLoss),
-- 0..8 (PushPlatform) for per-vendor rows. event_type is 0 when the response did not say, 1 offline, 2 online.
CREATE TABLE IF NOT EXISTS loss_row (
    app_id        BIGINT        NOT NULL,
    source        VARCHAR(16)   NOT NULL,
    task_id       VARCHAR(256)  NOT NULL,
    window_start  BIGINT        NOT NULL,
    window_end    BIGINT        NOT NULL,
    stage         VARCHAR(24)   NOT NULL,  -- Stage name: READY_TO_SEND | POST_SEND_DELIVERED
    event_type    SMALLINT      NOT NULL,
    vendor        SMALLINT      NOT NULL,
    err_code      VARCHAR(128)  NOT NULL,
    err_count     BIGINT        NOT NULL CHECK (err_count >= 0),
    err_info      VARCHAR(1024) NOT NULL,
    PRIMARY KEY (app_id, source, task_id, window_start, window_end, stage, event_type, vendor, err_code)
);

CREATE INDEX IF NOT EXISTS loss_row_by_window ON loss_row (app_id, source, window_start, window_end);
